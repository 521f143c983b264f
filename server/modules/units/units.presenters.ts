import type { UnitDto } from '../../../shared/api/units';
import type { UnitKind } from '../../../shared/domain/units';
import type { UnitRow } from './units.repository';

export function presentUnit(row: UnitRow, policies: { update: boolean }): UnitDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    staffCount: row.staff_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actions: { update: policies.update },
  };
}
