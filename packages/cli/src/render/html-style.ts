// The HTML report's stylesheet, inline so the page needs nothing from the network. Colours meet WCAG AA
// contrast on white, and every status is also written as text, never shown by colour alone.
export const PAGE_CSS = [
  'body{font:15px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:64rem;margin:2rem auto;padding:0 1rem}',
  'h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;color:#555;font-size:.9rem;padding:.2rem 0}',
  'td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{font-weight:600}',
  '.num{text-align:right;white-space:nowrap}',
  'tr.fail td,tr.fail th{background:#fdecea}tr.warn td,tr.warn th{background:#fff8e1}tr.skip td,tr.skip th{color:#595959}',
  '.status{font-weight:600}tr.fail .status{color:#b71c1c}tr.ok .status{color:#1b5e20}',
  '.verdict{border:2px solid;border-radius:6px;padding:0 1rem;margin:1rem 0}.verdict.fail{border-color:#b71c1c}.verdict.ok{border-color:#1b5e20}',
  '.fix{background:#e8f5e9;padding:.4rem .6rem;border-radius:4px}',
  'code{background:#f2f2f2;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}',
  '.meta{color:#444}',
  '.waterfall .track{width:50%;min-width:10rem}',
  '.bar{display:block;height:1rem;min-width:2px;border-radius:2px;background:#1565c0}',
  '.bar.dns{background:#6a1b9a}.bar.tcp{background:#00695c}.bar.tls{background:#ef6c00}.bar.handshake{background:#1565c0}.bar.firstFrame{background:#2e7d32}.bar.rest{background:#757575}',
  '.findings{padding-left:1.2rem}.finding{margin-bottom:1rem}.severity{font-weight:600;text-transform:uppercase;font-size:.8rem}',
  '.finding.error .severity{color:#b71c1c}.finding.warning .severity{color:#8a5300}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;font-size:.9rem}dt{color:#444}dd{margin:0;overflow-wrap:anywhere}',
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  'footer{margin-top:3rem;color:#555;font-size:.85rem}',
].join('\n')
