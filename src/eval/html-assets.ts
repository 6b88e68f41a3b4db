/** Inline CSS and JS of the eval page: self-contained, no external assets. */
export const PAGE_CSS = `
:root { --supported:#1a7f37; --supported-bg:#dafbe1; --contradicted:#cf222e; --contradicted-bg:#ffebe9;
  --unsupported:#9a6700; --unsupported-bg:#fff1c2; --speculative:#6639ba; --speculative-bg:#eee6fb; --line:#d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0; padding: 24px 32px; background: #f6f8fa; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; } h3 { font-size: 15px; margin: 0 0 6px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; color: #fff; font-size: 13px; vertical-align: middle; }
.badge.pass { background: var(--supported); } .badge.fail { background: var(--contradicted); }
.meta { color: #59636e; margin: 0 0 16px; }
table.metrics { border-collapse: collapse; background: #fff; margin: 8px 0 16px; }
table.metrics th, table.metrics td { border: 1px solid var(--line); padding: 4px 10px; text-align: right; }
table.metrics th:first-child, table.metrics td:first-child { text-align: left; }
table.metrics td.headline { font-weight: 700; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; position: sticky; top: 0; z-index: 2; }
.legend label { cursor: pointer; user-select: none; }
ul.thresholds li.fail { color: var(--contradicted); font-weight: 600; } ul.thresholds li.pass { color: var(--supported); }
.flow h2 { margin-top: 4px; }
.flow { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
.delta.better { color: var(--supported); } .delta.worse { color: var(--contradicted); }
.versions { display: grid; gap: 16px; }
.version { min-width: 0; }
.sample { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0 0 10px; background: #fdfdfd; }
.counts { font-size: 12px; color: #59636e; margin-bottom: 4px; }
.narrative { white-space: pre-wrap; font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 0; overflow-wrap: anywhere; }
.claim { border-radius: 3px; padding: 0 1px; cursor: help; border-bottom: 2px solid; }
.claim.v-supported { background: var(--supported-bg); border-color: var(--supported); }
.claim.v-contradicted { background: var(--contradicted-bg); border-color: var(--contradicted); }
.claim.v-unsupported { background: var(--unsupported-bg); border-color: var(--unsupported); }
.claim.v-speculative { background: var(--speculative-bg); border-color: var(--speculative); }
body.hide-supported .claim.v-supported, body.hide-contradicted .claim.v-contradicted,
body.hide-unsupported .claim.v-unsupported, body.hide-speculative .claim.v-speculative { background: none; border-color: transparent; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; border: 1px solid; }
.judge { font: 11px system-ui, sans-serif; padding: 0 4px; margin-left: 2px; border-radius: 8px; background: #e7ecf0; color: #1f2328; border: 1px dashed #59636e; cursor: help; }
.failed { color: var(--contradicted); }
.changes { font-size: 13px; } .changes li { margin: 2px 0; } .changes code { background: #f0f3f6; padding: 0 3px; border-radius: 3px; }
details > summary { cursor: pointer; color: #0969da; }
.claim-list { font-size: 12px; margin-top: 6px; } .claim-list li { margin: 2px 0; }
pre.table-md { font-size: 12px; overflow-x: auto; background: #f6f8fa; padding: 8px; }
#tip { position: fixed; max-width: 460px; background: #1f2328; color: #fff; font-size: 12px; padding: 6px 8px; border-radius: 4px; pointer-events: none; white-space: pre-wrap; display: none; z-index: 5; }
`;

/** Verdict filters and a hover tooltip that shows the claim's title text at once (the title stays for accessibility). */
export const PAGE_JS = `
(function () {
  'use strict';
  document.querySelectorAll('.legend input[data-verdict]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.getAttribute('data-verdict'), !box.checked);
    });
  });
  var tip = document.getElementById('tip');
  document.addEventListener('mouseover', function (event) {
    var target = event.target instanceof Element ? event.target.closest('.claim, .judge') : null;
    if (!target) { tip.style.display = 'none'; return; }
    tip.textContent = target.getAttribute('title');
    var box = target.getBoundingClientRect();
    tip.style.left = Math.min(box.left, window.innerWidth - 480) + 'px';
    tip.style.top = (box.bottom + 6) + 'px';
    tip.style.display = 'block';
  });
})();
`;
