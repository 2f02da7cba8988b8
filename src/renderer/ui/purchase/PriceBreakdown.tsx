import './purchase.css';
import type { PriceQuote } from '../../../shared/domain/archive';
import { formatKm2, formatMoney } from '../format';

/** Credit left after this total, or null when the provider reports no credit. */
export const creditAfter = (total: number, credit: number | null): number | null => (credit === null ? null : credit - total);

/** Per product type amount and area, discounts, total, and the total against the contract's credit. */
export function PriceBreakdown({ quote, credit }: { quote: PriceQuote; credit: number | null }) {
  const left = creditAfter(quote.totalAmount, credit);
  return (
    <div className="price" aria-label="Price">
      <table className="data-table">
        <caption className="visually-hidden">Price per product type</caption>
        <thead>
          <tr>
            <th scope="col">Product type</th>
            <th scope="col">Area</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((l, i) => (
            <tr key={`${l.productTypeId}-${i}`}>
              <td>{l.productTypeId}</td>
              <td>{formatKm2(l.areaKm2)}</td>
              <td>{formatMoney(l.amount, quote.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        {(quote.discountValue !== 0 || quote.discountPercentage !== 0) && (
          <div>
            <dt>Discount</dt>
            <dd>
              {quote.discountPercentage} % ({formatMoney(quote.discountValue, quote.currency)})
            </dd>
          </div>
        )}
        <div className="price-total">
          <dt>Total</dt>
          <dd>{formatMoney(quote.totalAmount, quote.currency)}</dd>
        </div>
        <div>
          <dt>Credit remaining</dt>
          <dd>{credit === null ? 'Not reported by the provider' : formatMoney(credit, quote.currency)}</dd>
        </div>
      </dl>
      {left !== null && left < 0 && (
        <p className="banner banner-error" role="alert">
          The total exceeds the contract’s remaining credit by {formatMoney(-left, quote.currency)}. The provider will refuse the order unless the credit is topped up.
        </p>
      )}
    </div>
  );
}
