import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { FormEvent, ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { QueryContent } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { PaginationNav } from '../../../components/PaginationNav';

/**
 * A list whose filters and page live in the URL, so a filtered list can be shared and bookmarked:
 * the list query read from the URL with the list's `schema` (an unreadable URL: no filters), with
 * our page size; `applyFilters` starts over on page 1 with the filters that are set; `goTo` changes
 * the page and keeps the filters.
 */
export function useUrlListQuery<Q extends { pageSize?: number }>(schema: z.ZodType<Q>, pageSize: number) {
  const [params, setParams] = useSearchParams();
  const parsed = schema.safeParse(Object.fromEntries(params));
  const query = { ...(parsed.success ? parsed.data : {}), pageSize } as Q;
  const applyFilters = (filters: Readonly<Record<string, string | undefined>>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) next.set(key, value);
    setParams(next);
  };
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };
  return { query, applyFilters, goTo };
}

type Page<T> = { items: readonly T[]; total: number; page: number; pageSize: number };

/**
 * One page of a list: "none" when it is empty; else the count (a status message), the table
 * (`children`) and the pagination. The texts are the section's `empty`, `total` and `pagination.*`.
 */
export function PagedResults<T>({
  section,
  list,
  onPage,
  children,
}: {
  section: 'landlords' | 'leases';
  list: { error: unknown; data: Page<T> | undefined };
  onPage: (page: number) => void;
  children: (items: readonly T[]) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <QueryContent error={list.error} data={list.data} headingLevel={3}>
      {(data) =>
        data.items.length === 0 ? (
          <Paragraph>{t(`${section}.empty`)}</Paragraph>
        ) : (
          <>
            <Paragraph role="status">{t(`${section}.total`, { count: data.total })}</Paragraph>
            {children(data.items)}
            <PaginationNav
              label={t(`${section}.pagination.label`)}
              page={data.page}
              totalPages={Math.ceil(data.total / data.pageSize)}
              onPage={onPage}
              previousLabel={t(`${section}.pagination.previous`)}
              nextLabel={t(`${section}.pagination.next`)}
              pageLabel={(page) => t(`${section}.pagination.page`, { page: String(page) })}
            />
          </>
        )
      }
    </QueryContent>
  );
}

/** The filters of a list page: a section with a form named by its heading, and an apply button. */
export function FilterSection({
  headingId,
  heading,
  applyLabel,
  onApply,
  children,
}: {
  headingId: string;
  heading: string;
  applyLabel: string;
  onApply: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply();
  };
  return (
    <PageSection headingId={headingId} heading={heading}>
      <form onSubmit={submit} className="form-stack narrow" aria-labelledby={headingId}>
        {children}
        <div>
          <Button type="submit" variant="secondary">
            {applyLabel}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}
