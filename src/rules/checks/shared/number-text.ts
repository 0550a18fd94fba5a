// Hours and other quantities in messages: 72.3 − 90 gives 17.700000000000003 in floating point;
// 12 significant digits hide that noise without rounding away anything a roster could contain.
export function quantityText(n: number): string {
  return String(Number.parseFloat(n.toPrecision(12)));
}
