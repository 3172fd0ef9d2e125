/**
 * The page's only script, inlined and vanilla. Filters toggle the `hidden` attribute of cards (cheap
 * even for 1,000 of them); the card texts are read once and folded (case, accents) for the search,
 * which is debounced. Line links open the collapsed article they point into before the browser scrolls.
 */
export const SCRIPT = `
(() => {
  const fold = (text) => text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  const cards = Array.from(document.querySelectorAll('.finding'));
  const haystacks = cards.map((card) => fold(card.textContent || ''));
  const buttons = Array.from(document.querySelectorAll('button[data-filter]'));
  const search = document.getElementById('search');
  const status = document.getElementById('filter-status');
  const noMatch = document.getElementById('no-match');
  const pressed = (kind) => new Set(buttons
    .filter((button) => button.dataset.filter === kind && button.getAttribute('aria-pressed') === 'true')
    .map((button) => button.dataset.value));

  function apply() {
    const severities = pressed('severity');
    const rules = pressed('rule');
    const terms = search ? fold(search.value).split(/\\s+/).filter(Boolean) : [];
    let shown = 0;
    cards.forEach((card, index) => {
      const visible = severities.has(card.dataset.severity) && rules.has(card.dataset.rule)
        && terms.every((term) => haystacks[index].includes(term));
      if (card.hidden === visible) card.hidden = !visible;
      if (visible) shown += 1;
    });
    if (status) status.textContent = 'Showing ' + shown + ' of ' + cards.length + (cards.length === 1 ? ' finding' : ' findings');
    if (noMatch) noMatch.hidden = shown > 0 || cards.length === 0;
  }

  for (const button of buttons) {
    button.addEventListener('click', () => {
      button.setAttribute('aria-pressed', button.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      apply();
    });
  }
  let timer;
  if (search) search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 120); });
  for (const reset of document.querySelectorAll('button[data-reset]')) {
    reset.addEventListener('click', () => {
      for (const button of buttons) button.setAttribute('aria-pressed', 'true');
      if (search) search.value = '';
      apply();
    });
  }

  function openTarget(id) {
    const target = id && document.getElementById(id);
    const details = target && target.closest('details');
    if (details && !details.open) details.open = true;
    return target;
  }
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#"]');
    if (link) openTarget(decodeURIComponent(link.getAttribute('href').slice(1)));
  });
  if (location.hash) {
    const target = openTarget(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }
  apply();
})();
`;
