// New presentation: a form that builds the request (slides added, reordered,
// removed) or a box for raw request JSON. deckd's validation errors name
// fields (`slidesData[2].props.title`); each is shown beside its input.
import { api, ApiError, el } from './api.js';

const TEXT_LABEL = {
  'title-slide': 'Subtitle',
  'content-slide': 'Text (line breaks and "- " bullets work)',
  'bullet-points': 'Bullets, one per line',
};

export function createNewForm() {
  const form = document.getElementById('new-form');
  const raw = document.getElementById('raw-form');
  const list = document.getElementById('slides');
  const template = document.getElementById('slide-template');
  const tabs = { form: document.getElementById('tab-form'), raw: document.getElementById('tab-raw') };
  let loaded = false;

  function renumber() {
    [...list.children].forEach((li, i) => {
      li.querySelector('.n').textContent = i + 1;
      li.querySelector('[name=title]').dataset.field = `slidesData[${i}].props.title`;
      li.querySelector('[name=text]').dataset.field = `slidesData[${i}].props`;
      li.querySelector('[name=narration]').dataset.field = `slidesData[${i}].voiceoverText`;
      li.querySelector('[data-move="-1"]').disabled = i === 0;
      li.querySelector('[data-move="1"]').disabled = i === list.children.length - 1;
      li.querySelector('[data-remove]').disabled = list.children.length === 1;
    });
  }

  function addSlide(values = {}) {
    const li = template.content.firstElementChild.cloneNode(true);
    const kind = li.querySelector('[name=templateId]');
    const label = li.querySelector('.text-label');
    kind.addEventListener('change', () => { label.textContent = TEXT_LABEL[kind.value]; });
    if (values.templateId) kind.value = values.templateId;
    label.textContent = TEXT_LABEL[kind.value];
    for (const name of ['title', 'text', 'narration']) if (values[name]) li.querySelector(`[name=${name}]`).value = values[name];
    li.querySelector('[data-remove]').addEventListener('click', () => { li.remove(); renumber(); });
    for (const button of li.querySelectorAll('[data-move]')) {
      button.addEventListener('click', () => {
        const sibling = button.dataset.move === '-1' ? li.previousElementSibling : li.nextElementSibling;
        if (!sibling) return;
        if (button.dataset.move === '-1') sibling.before(li); else sibling.after(li);
        renumber();
        button.focus();
      });
    }
    list.append(li);
    renumber();
    return li;
  }

  function slideRequest(li, index) {
    const get = (name) => li.querySelector(`[name=${name}]`).value;
    const templateId = get('templateId');
    const text = get('text').trim();
    const props = { title: get('title') };
    if (templateId === 'bullet-points') props.bullets = text ? text.split('\n').map((s) => s.trim()).filter(Boolean) : [];
    else if (templateId === 'title-slide') props.subtitle = text;
    else props.content = text;
    const slide = { templateId, slideId: `slide-${index + 1}`, props };
    if (get('narration').trim()) slide.voiceoverText = get('narration').trim();
    return slide;
  }

  function request() {
    const [width, height] = form.resolution.value.split('x').map(Number);
    const body = {
      projectName: form.projectName.value.trim() || undefined,
      theme: form.theme.value,
      voiceId: form.voiceId.value,
      resolution: [width, height],
      quality: form.quality.value,
      slidesData: [...list.children].map(slideRequest),
    };
    if (form.fade.checked) body.transitions = [{ type: 'fade', duration: 0.5 }];
    return body;
  }

  function clearErrors(scope) {
    for (const node of scope.querySelectorAll('.field-error')) node.textContent = '';
    for (const node of scope.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    const top = scope.querySelector('.form-error');
    if (top) { top.hidden = true; top.textContent = ''; }
    for (const node of scope.querySelectorAll('[aria-describedby]')) node.removeAttribute('aria-describedby');
  }

  // Puts each error beside the input whose data-field is the longest prefix
  // of the error's field; the rest go in the box at the top.
  function showErrors(error) {
    const fieldErrors = error.body.fields || [];
    const inputs = [...form.querySelectorAll('[data-field]')];
    const unplaced = [];
    let first = null;
    for (const { field, message } of fieldErrors) {
      const input = inputs.filter((i) => field === i.dataset.field || field.startsWith(i.dataset.field + '.') || field.startsWith(i.dataset.field + '['))
        .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
      const slot = input ? input.parentElement.querySelector('.field-error') : form.querySelector(`[data-error-for="${field.split(/[.[]/)[0]}"]`);
      if (!slot) { unplaced.push(`${field} ${message}`); continue; }
      slot.textContent = `${field.replace(/^slidesData\[(\d+)\]/, (_, i) => `slide ${Number(i) + 1}`)} ${message}`;
      if (input) {
        slot.id = slot.id || `error-${input.dataset.field.replace(/[^a-zA-Z0-9]/g, '-')}`;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', slot.id);
      }
      first = first || input;
    }
    if (!fieldErrors.length) unplaced.push(error.message);
    const top = form.querySelector('.form-error');
    if (unplaced.length) { top.textContent = unplaced.join(' · '); top.hidden = false; }
    (first || top).focus?.();
  }

  async function submit(body, onError) {
    try {
      const created = await api('/api/presentations', { method: 'POST', body });
      location.hash = `#/jobs/${created.jobId}`;
      return true;
    } catch (e) {
      if (e instanceof ApiError) onError(e); else onError(new ApiError(0, { error: e.message }));
      return false;
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (await submit(request(), showErrors)) reset();
  });
  raw.addEventListener('submit', async (e) => {
    e.preventDefault();
    const box = document.getElementById('raw-errors');
    box.hidden = true;
    try { JSON.parse(raw.raw.value); } catch (err) {
      box.textContent = `Not valid JSON: ${err.message}`;
      box.hidden = false;
      return;
    }
    await submit(raw.raw.value, (error) => {
      const fields = error.body.fields || [];
      box.replaceChildren(el('p', { text: error.message }),
        fields.length ? el('ul', {}, fields.map((f) => el('li', {}, el('code', { text: f.field }), ` ${f.message}`))) : null);
      box.hidden = false;
    });
  });

  function selectTab(which) {
    for (const [name, tab] of Object.entries(tabs)) tab.setAttribute('aria-selected', String(name === which));
    form.hidden = which !== 'form';
    raw.hidden = which !== 'raw';
    if (which === 'raw' && !raw.raw.value) raw.raw.value = JSON.stringify(request(), null, 2);
  }
  tabs.form.addEventListener('click', () => selectTab('form'));
  tabs.raw.addEventListener('click', () => selectTab('raw'));
  document.getElementById('add-slide').addEventListener('click', () => addSlide().querySelector('[name=title]').focus());

  function reset() {
    form.reset();
    list.replaceChildren();
    addSlide({ templateId: 'title-slide' });
    raw.raw.value = '';
    clearErrors(form);
  }

  async function loadChoices() {
    const [voices, themes] = await Promise.all([api('/api/voices'), api('/api/themes')]);
    form.voiceId.replaceChildren(...voices.voices.map((v) => el('option', { value: v, text: v, selected: v === voices.default })));
    form.theme.replaceChildren(...themes.themes.map((t) => el('option', { value: t, text: t, selected: t === themes.default })));
  }

  async function show() {
    if (!loaded) {
      loaded = true;
      reset();
      try { await loadChoices(); } catch (e) { showErrors(new ApiError(0, { error: `Could not load voices and themes: ${e.message}` })); }
    }
    form.projectName.focus();
  }

  return { show };
}
