// Owned by the leases slice: current and past leases of one dwelling, for the dwelling page.
export function DwellingLeases({ dwellingId }: { dwellingId: string }) {
  void dwellingId;
  return null;
}
