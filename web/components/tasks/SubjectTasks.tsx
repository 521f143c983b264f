// Owned by the tasks slice: open and recent tasks about one subject (dwelling, lease, landlord …).
export function SubjectTasks({ subjectType, subjectId }: { subjectType: 'dwelling' | 'building' | 'lease' | 'landlord'; subjectId: string }) {
  void subjectType;
  void subjectId;
  return null;
}
