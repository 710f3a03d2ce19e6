/**
 * True when a component is the one a selector names: by its id exactly, or by its name
 * ignoring case and surrounding spaces (names are what people see on the page).
 */
export function matchesComponent(component: { id: string; name: string }, wanted: string): boolean {
  const key = wanted.trim();
  return component.id === key || component.name.trim().toLowerCase() === key.toLowerCase();
}
