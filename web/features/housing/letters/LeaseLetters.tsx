// Owned by the letters slice: the letters of one lease (list, generate, download), for the lease page.
export function LeaseLetters({ leaseId }: { leaseId: string }) {
  void leaseId;
  return null;
}
