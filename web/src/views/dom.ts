/** DOM helpers shared by the views: a plain table of strings and a CSV download link. */

export function table(doc: Document, rows: readonly (readonly string[])[], header: readonly string[], id?: string): HTMLTableElement {
  const t = doc.createElement('table');
  if (id !== undefined) t.id = id;
  const head = t.createTHead().insertRow();
  for (const h of header) head.append(Object.assign(doc.createElement('th'), { textContent: h }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of r) tr.insertCell().textContent = c;
  }
  return t;
}

export function csvLink(doc: Document, name: string, csv: string): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.className = 'csv';
  a.textContent = `CSV: ${name}`;
  a.download = `${name}.csv`;
  a.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  return a;
}
