import { Pagination, usePagination } from '@digdir/designsystemet-react';

/**
 * Designsystemet's pagination (a navigation landmark with its own label), with buttons: the page
 * number lives in the URL of the page that uses it. The current page is marked aria-current, and
 * a missing previous/next button is hidden from everyone, not only from sight.
 */
export function PaginationNav({
  label,
  page,
  totalPages,
  onPage,
  previousLabel,
  nextLabel,
  pageLabel,
}: {
  label: string;
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  previousLabel: string;
  nextLabel: string;
  pageLabel: (page: number) => string;
}) {
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: page,
    totalPages,
    showPages: 7,
    setCurrentPage: onPage,
  });
  if (totalPages <= 1) return null;
  return (
    <Pagination aria-label={label}>
      <Pagination.List>
        <Pagination.Item>
          <Pagination.Button variant="tertiary" {...prevButtonProps} tabIndex={page > 1 ? undefined : -1}>
            {previousLabel}
          </Pagination.Button>
        </Pagination.Item>
        {pages.map(({ page: number, itemKey, buttonProps }) => (
          <Pagination.Item key={itemKey}>
            {typeof number === 'number' && buttonProps ? (
              <Pagination.Button variant="tertiary" {...buttonProps} aria-label={pageLabel(number)}>
                {number}
              </Pagination.Button>
            ) : null}
          </Pagination.Item>
        ))}
        <Pagination.Item>
          <Pagination.Button variant="tertiary" {...nextButtonProps} tabIndex={page < totalPages ? undefined : -1}>
            {nextLabel}
          </Pagination.Button>
        </Pagination.Item>
      </Pagination.List>
    </Pagination>
  );
}
