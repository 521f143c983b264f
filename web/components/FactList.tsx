import { Card, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export type Fact = { term: ReactNode; value: ReactNode; mono?: boolean };

/** Facts as a description list, one term–value pair a row; `mono` for ids and codes. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(({ term, value, mono }, index) => (
        <div key={index}>
          <dt>{term}</dt>
          <dd className={mono ? 'mono' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A card of facts under an h2, as on the overview and the profile page. */
export function FactCard({ heading, facts }: { heading: ReactNode; facts: readonly Fact[] }) {
  return (
    <Card className="overview-card" data-color="neutral">
      <Heading level={2} data-size="sm">
        {heading}
      </Heading>
      <FactList facts={facts} />
    </Card>
  );
}
