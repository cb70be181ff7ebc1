/* Cordon officers' console: sign in with an API token, work the alert queue.
 * Plain DOM code; every piece of data goes in as text nodes (never innerHTML), through
 * shown(), which makes invisible and direction-changing characters visible. */
'use strict';

(function () {
  const TOKEN_KEY = 'cordon.token';
  /* The contract's word lists come from the server (GET /v1/vocabulary) at sign-in. */
  let DECIDED = new Set();
  const REASONS = { hs: 'HS code', keyword: 'description words', cas: 'CAS number', party: 'party name',
    country: 'country', parameter: 'technical parameter', grade: 'material grade' };

  const state = { token: null, me: null, cursor: null, current: null, rows: 0 };
  const $ = (id) => document.getElementById(id);

  /* Control characters, bidi controls (embeddings, overrides, isolates, marks), line and
   * paragraph separators and other invisible format characters (zero-width ones, soft
   * hyphen, byte order mark, tags): in a reference, a description or a party name they
   * could reorder or hide what the officer reads ("INV-\u202Efdp.exe" shows as
   * "INV-exe.pdf"), so they are never rendered as such. */
  const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;

  /* Text to display: the string itself, or a fragment in which each invisible character
   * is replaced by a marked token such as ⟨U+202E⟩ (its code point, with a tooltip). */
  function shown(text) {
    const s = String(text);
    if (!s.match(INVISIBLE)) return s;
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const m of s.matchAll(INVISIBLE)) {
      if (m.index > pos) frag.append(s.slice(pos, m.index));
      const cp = 'U+' + m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
      const mark = document.createElement('span');
      mark.className = 'invisible-char';
      mark.title = `invisible or direction-changing character ${cp}, shown instead of applied`;
      mark.textContent = `\u27E8${cp}\u27E9`;
      frag.append(mark);
      pos = m.index + m[0].length;
    }
    if (pos < s.length) frag.append(s.slice(pos));
    return frag;
  }

  /* Replaces the content of <node> with <text>, as shown() renders it. */
  function setText(node, text) {
    node.replaceChildren(shown(text === null || text === undefined ? '' : text));
  }

  /* Creates an element with attributes/properties and children (strings become text
   * nodes, through shown()). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : shown(c));
    }
    return node;
  }

  /* Turns "inspection_ordered" into "inspection ordered" for display. */
  function human(s) {
    return s === null || s === undefined || s === '' ? '—' : String(s).replace(/_/g, ' ');
  }

  /* Renders any JSON value (string, number, object) as one readable line of text. */
  function describe(v) {
    if (v === null || v === undefined) return '—';
    if (typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return v.map(describe).join(', ');
    return Object.entries(v).map(([k, x]) => human(k) + ': ' + describe(x)).join('; ');
  }

  /* Formats an RFC 3339 time as local "YYYY-MM-DD HH:MM". */
  function when(s) {
    const d = new Date(s);
    if (!s || isNaN(d)) return s || '—';
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }

  /* Formats the age of an RFC 3339 time: "5 min", "3 h", "2 d". */
  function age(s) {
    const ms = Date.now() - new Date(s).getTime();
    if (!s || isNaN(ms)) return '—';
    if (ms < 3600e3) return Math.max(0, Math.round(ms / 60e3)) + ' min';
    if (ms < 86400e3) return Math.round(ms / 3600e3) + ' h';
    return Math.round(ms / 86400e3) + ' d';
  }

  /* Error raised for a failed API call; message comes from the JSON error body. */
  class ApiError extends Error {
    constructor(status, body) {
      let msg = (body && body.error) || `HTTP ${status}`;
      if (body && Array.isArray(body.errors) && body.errors.length) {
        msg += ': ' + body.errors.map((e) => (e.field ? e.field + ' — ' : '') + (e.message || '')).join('; ');
      }
      if (status === 403) msg = `Not allowed for your role: ${msg}`;
      super(msg);
      this.status = status;
    }
  }

  /* Calls the Cordon API with the session token; resolves with the parsed JSON body. */
  async function api(method, path, body) {
    const opts = { method, headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      throw new ApiError(0, { error: 'cannot reach the Cordon server (' + e.message + ')' });
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      if (res.status === 401 && path !== '/v1/me') signOut('Your session has expired or the token was revoked; sign in again.');
      throw new ApiError(res.status, data);
    }
    return data;
  }

  /* Shows a message in a status or error paragraph (empty string clears it). */
  function say(id, text) {
    setText($(id), text || '');
  }

  /* Fills a <select> with values; an optional first "any" entry has the empty value. */
  function fillSelect(sel, values, anyLabel) {
    sel.replaceChildren();
    if (anyLabel) sel.append(el('option', { value: '' }, anyLabel));
    for (const v of values) sel.append(el('option', { value: v }, human(v)));
  }

  /* Fills the filters and the decision list from the server's word lists. */
  function fillWords(w) {
    const keep = $('f-status').value;
    fillSelect($('f-status'), w.statuses, 'any status');
    /* The default keeps claimed alerts in view beside the open ones. */
    $('f-status').prepend(el('option', { value: 'open,claimed' }, 'open and claimed'));
    $('f-status').value = keep || 'open,claimed';
    fillSelect($('f-category'), w.categories, 'any category');
    fillSelect($('f-severity'), w.severities.slice().reverse(), 'any severity');
    /* No decision is pre-selected: the officer chooses one every time. */
    fillSelect($('decision'), w.decisions, 'choose a decision…');
    $('decision').value = '';
    DECIDED = new Set(w.decisions.concat(w.statuses.filter((s) => s === 'auto_closed')));
  }

  /* Signs in: checks the token with GET /v1/me, keeps it in sessionStorage, shows the queue. */
  async function signIn(token) {
    state.token = token;
    say('signin-error', '');
    try {
      state.me = await api('GET', '/v1/me');
    } catch (e) {
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      say('signin-error', e.status === 401 ? 'This token was not accepted (unknown, revoked or mistyped).' : e.message);
      $('signin-view').hidden = false;
      $('token').focus();
      return;
    }
    try {
      fillWords(await api('GET', '/v1/vocabulary'));
    } catch (e) {
      say('signin-error', 'Cannot load the word lists: ' + e.message);
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    setText($('me-name'), state.me.name);
    setText($('me-role'), state.me.role);
    $('session').hidden = false;
    $('signin-view').hidden = true;
    $('app-view').hidden = false;
    $('token').value = '';
    loadQueue(false);
    /* Other views (quality.js) start from here with the session's API access. */
    document.dispatchEvent(new CustomEvent('cordon:signin', { detail: { me: state.me, api } }));
  }

  /* Signs out: forgets the token and shows the sign-in form with an optional message. */
  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    state.me = null;
    state.current = null;
    $('session').hidden = true;
    $('app-view').hidden = true;
    $('signin-view').hidden = false;
    $('queue-body').replaceChildren();
    $('detail-body').hidden = true;
    $('detail-empty').hidden = false;
    say('signin-error', message || '');
    document.dispatchEvent(new CustomEvent('cordon:signout'));
    $('token').focus();
  }

  /* Builds the /v1/alerts query from the filter form (and the cursor when loading more). */
  function filterParams() {
    const q = new URLSearchParams();
    for (const [name, id] of [['q', 'f-q'], ['status', 'f-status'], ['category', 'f-category'],
      ['severity', 'f-severity'], ['country', 'f-country'], ['from', 'f-from'], ['to', 'f-to'],
      ['submitter', 'f-submitter']]) {
      const v = $(id).value.trim();
      if (v) q.set(name, name === 'country' ? v.toUpperCase() : v);
    }
    if ($('f-mine').checked) q.set('claimed_by', 'me');
    if ($('f-approval').checked) q.set('awaiting_approval', 'true');
    return q;
  }

  function queueQuery(cursor) {
    const q = filterParams();
    q.set('limit', '50');
    if (cursor) q.set('cursor', cursor);
    return '/v1/alerts?' + q.toString();
  }

  /* Downloads the whole filtered queue as CSV (the API answers text/csv). */
  async function exportCsv() {
    say('queue-error', '');
    const q = filterParams();
    q.set('format', 'csv');
    let res;
    try {
      res = await fetch('/v1/alerts?' + q.toString(), { headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/csv' } });
    } catch (e) {
      say('queue-error', 'Could not export the queue: ' + e.message);
      return;
    }
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      say('queue-error', 'Could not export the queue: ' + new ApiError(res.status, data).message);
      return;
    }
    const blob = await res.blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: 'cordon-queue.csv', id: 'csv-link', hidden: true });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    say('queue-count', 'The filtered queue was exported as cordon-queue.csv.');
  }

  /* Loads the first page of the queue, or appends the next page when `more` is true. */
  async function loadQueue(more) {
    say('queue-error', '');
    /* Only the latest load draws: a filter's change event and the form's
     * submit may both ask, and answers can come back in any order. */
    const seq = state.loads = (state.loads || 0) + 1;
    let page;
    try {
      page = await api('GET', queueQuery(more ? state.cursor : null));
    } catch (e) {
      if (seq === state.loads) say('queue-error', 'Could not load the queue: ' + e.message);
      return;
    }
    if (seq !== state.loads) return;
    const body = $('queue-body');
    if (!more) { body.replaceChildren(); state.rows = 0; }
    for (const a of page.alerts || []) body.append(queueRow(a));
    state.rows += (page.alerts || []).length;
    state.cursor = page.next_cursor || null;
    $('load-more').hidden = !state.cursor;
    say('queue-count', state.rows === 0 ? 'No alerts match these filters.'
      : `${state.rows} alert${state.rows === 1 ? '' : 's'} shown${state.cursor ? ' (more available)' : ''}.`);
  }

  /* Builds one queue row; the reference is a button so the row can be opened from the keyboard. */
  function queueRow(a) {
    const top = (a.hits && a.hits[0]) || {};
    const open = () => openAlert(a.id);
    const item = a.item_seq != null ? ` #${a.item_seq}` : '';
    const tr = el('tr', { 'data-alert-id': a.id, class: state.current && state.current.id === a.id ? 'selected' : null, onclick: open },
      el('td', { class: 'prio' }, el('span', { class: 'sev sev-' + a.severity }, a.severity), ' ', el('span', { class: 'score' }, a.score)),
      el('td', { class: 'ref' }, el('button', { type: 'button', class: 'link open-alert', title: 'Open this alert',
        onclick: (ev) => { ev.stopPropagation(); open(); } }, a.reference + item)),
      el('td', { class: 'clip', title: top.title || '' }, top.title || top.match || '—',
        el('div', { class: 'muted small' }, human(a.category) + (a.hits && a.hits.length > 1 ? ` · ${a.hits.length} hits` : ''))),
      el('td', { class: 'dest' }, a.destination || '—'),
      el('td', { class: 'clip consignee', title: a.consignee || '' }, a.consignee || '—',
        a.consignee_country ? el('span', { class: 'muted small' }, ' ' + a.consignee_country) : null),
      el('td', { class: 'clip submitter' }, a.submitter || '—'),
      el('td', {}, el('span', { class: 'status status-' + a.status }, human(a.status)),
        a.pending ? el('div', { class: 'pending small' }, 'awaiting approval') : null),
      el('td', { class: 'clip' }, a.claimed_by || '—'),
      el('td', { class: 'age', title: when(a.created_at) }, age(a.created_at)));
    return tr;
  }

  /* Fetches one alert with its declaration, entries and history and shows it. */
  async function openAlert(id, keepMessages) {
    if (!keepMessages) { say('action-status', ''); say('action-error', ''); }
    say('detail-error', '');
    let a;
    try {
      a = await api('GET', '/v1/alerts/' + encodeURIComponent(id));
    } catch (e) {
      say('detail-error', 'Could not open the alert: ' + e.message);
      $('detail-body').hidden = false;
      return;
    }
    const first = !state.current || state.current.id !== a.id;
    state.current = a;
    for (const tr of $('queue-body').rows) tr.classList.toggle('selected', tr.dataset.alertId === a.id);
    renderDetail(a);
    if (first) $('detail-title').focus();
  }

  /* Resolves a field path such as "items[0].description" or "route.transit[1]" in the declaration. */
  function fieldValue(decl, path) {
    let v = decl;
    for (const part of String(path).match(/[^.[\]]+/g) || []) {
      if (v === null || v === undefined) return undefined;
      v = v[/^\d+$/.test(part) ? Number(part) : part];
    }
    return v;
  }

  /* Returns the byte span [start, end] of a hit in text; falls back to searching the match text. */
  function byteSpan(text, bytes, hit) {
    const s = hit.span;
    if (Array.isArray(s) && s[0] >= 0 && s[1] > s[0] && s[1] <= bytes.length) return [s[0], s[1]];
    if (!hit.match) return null;
    const i = text.toLowerCase().indexOf(String(hit.match).toLowerCase());
    if (i < 0) return null;
    const enc = new TextEncoder();
    const start = enc.encode(text.slice(0, i)).length;
    return [start, start + enc.encode(text.slice(i, i + hit.match.length)).length];
  }

  /* Renders text with <mark> around the byte spans of the given hits (UTF-8 offsets, merged). */
  function highlighted(text, hits) {
    text = text === null || text === undefined ? '' : String(text);
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const spans = hits.map((h) => byteSpan(text, bytes, h)).filter(Boolean).sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const sp of spans) {
      const last = merged[merged.length - 1];
      if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
      else merged.push(sp.slice());
    }
    const out = el('span', { class: 'value' });
    let pos = 0;
    for (const [s, e] of merged) {
      if (s > pos) out.append(shown(dec.decode(bytes.subarray(pos, s))));
      out.append(el('mark', {}, dec.decode(bytes.subarray(s, e))));
      pos = e;
    }
    if (pos < bytes.length || bytes.length === 0) out.append(shown(dec.decode(bytes.subarray(pos)) || '(empty)'));
    return out;
  }

  /* A field path as officers say it: "items[0].description" → "item 1 description". */
  function fieldLabel(decl, path) {
    const words = { description: 'description', hs_code: 'HS code', cas: 'CAS number', origin: 'origin',
      name: 'name', country: 'country', address: 'address', dispatch: 'dispatch country',
      destination: 'destination', transit: 'transit country', documents: 'document', route: 'route' };
    let m = /^items\[(\d+)\]\.(\w+)(?:\[(\d+)\])?$/.exec(path || '');
    if (m) {
      const it = ((decl || {}).items || [])[Number(m[1])] || {};
      const seq = it.seq !== undefined ? it.seq : Number(m[1]) + 1;
      return `item ${seq} ${words[m[2]] || human(m[2])}` + (m[3] !== undefined ? ` ${Number(m[3]) + 1}` : '');
    }
    m = /^parties\[(\d+)\]\.(\w+)$/.exec(path || '');
    if (m) {
      const p = ((decl || {}).parties || [])[Number(m[1])] || {};
      return `${p.role ? human(p.role) : 'party ' + (Number(m[1]) + 1)} ${words[m[2]] || human(m[2])}`;
    }
    m = /^route\.(\w+)(?:\[(\d+)\])?$/.exec(path || '');
    if (m) return (words[m[1]] || human(m[1])) + (m[2] !== undefined ? ` ${Number(m[2]) + 1}` : '');
    return human(String(path || '').replace(/[.[\]]+/g, ' ').trim());
  }

  /* Hits of the current alert that point at the given field path. */
  function hitsOn(a, field) {
    return (a.hits || []).filter((h) => h.field === field);
  }

  /* Fills the whole detail pane for an alert. */
  function renderDetail(a) {
    $('detail-empty').hidden = true;
    $('detail-body').hidden = false;
    $('detail-body').dataset.alertId = a.id;
    $('detail-body').dataset.status = a.status;
    setText($('detail-title'), `${a.reference}` + (a.item_seq != null
      ? ` — item ${a.item_seq}` : ' — whole declaration') + ` (${a.severity}, score ${a.score})`);
    renderSummary(a);
    renderItems(a);
    renderHits(a);
    renderEntries(a);
    renderDeclaration(a);
    renderHistory(a);
    updateActions(a);
  }

  /* Appends one term/definition pair to a <dl>. */
  function dlRow(dl, term, value, cls) {
    dl.append(el('dt', {}, term), el('dd', { class: cls || null }, value instanceof Node ? value : describe(value)));
  }

  /* Shows the alert's key facts: status, claimant, decision, list version, times. */
  function renderSummary(a) {
    const dl = $('summary');
    dl.replaceChildren();
    dlRow(dl, 'Status', el('span', { class: 'status status-' + a.status, id: 'detail-status' }, human(a.status)));
    dlRow(dl, 'Claimed by', a.claimed_by || 'nobody');
    dlRow(dl, 'Decision', a.decision ? human(describe(a.decision)) + (a.decided_by ? ` (by ${a.decided_by}` +
      (a.approved_by ? `, approved by ${a.approved_by})` : ')') : '') : 'not decided');
    if (a.pending) dlRow(dl, 'Awaiting approval', pendingText(a.pending), 'pending');
    if (a.suppression_id != null) dlRow(dl, 'Closed by suppression', String(a.suppression_id));
    dlRow(dl, 'Severity / score', el('span', {}, el('span', { class: 'sev sev-' + a.severity }, a.severity), ` ${a.score} / 100`));
    dlRow(dl, 'Category', human(a.category));
    dlRow(dl, 'List version', el('code', { id: 'detail-list-version' }, a.list_version || '—'));
    dlRow(dl, 'Raised', when(a.created_at));
    dlRow(dl, 'Alert id', el('code', {}, a.id));
  }

  /* Shows the goods the alert is about: description and HS code with matched words marked. */
  function renderItems(a) {
    const box = $('items');
    box.replaceChildren();
    const decl = a.declaration || {};
    const items = decl.items || [];
    const wanted = new Set();
    for (const h of a.hits || []) {
      const m = /^items\[(\d+)\]/.exec(h.field || '');
      if (m) wanted.add(Number(m[1]));
    }
    items.forEach((it, i) => { if (a.item_seq != null && it.seq === a.item_seq) wanted.add(i); });
    if (wanted.size === 0) {
      box.append(el('p', { class: 'muted' }, `This alert concerns the whole declaration (parties or route), not one item; ` +
        `the declaration has ${items.length} item${items.length === 1 ? '' : 's'}.`));
      return;
    }
    for (const i of [...wanted].sort((x, y) => x - y)) {
      const it = items[i] || {};
      const f = `items[${i}]`;
      const card = el('div', { class: 'card item', 'data-field': f });
      card.append(el('h4', {}, `Item ${it.seq !== undefined ? it.seq : i + 1}`));
      const dl = el('dl', { class: 'summary' });
      dlRow(dl, 'Description', highlighted(it.description, hitsOn(a, f + '.description')), 'description');
      dlRow(dl, 'HS code', highlighted(it.hs_code, hitsOn(a, f + '.hs_code')));
      if (Array.isArray(it.cas) && it.cas.length) {
        dlRow(dl, 'CAS', el('span', {}, ...it.cas.map((c, j) => el('span', { class: 'cas' }, highlighted(c, hitsOn(a, `${f}.cas[${j}]`))))));
      }
      for (const k of ['quantity', 'unit', 'value', 'origin']) if (it[k] !== undefined) dlRow(dl, human(k), it[k]);
      card.append(dl);
      box.append(card);
    }
  }

  /* Lists every hit: what kind of match, on which field (value highlighted), and the explanation. */
  function renderHits(a) {
    const ol = $('hits');
    ol.replaceChildren();
    const decl = a.declaration || {};
    /* One line per control entry; its hits (the words, the HS code, the
     * country...) are the evidence listed under it. */
    const groups = new Map();
    for (const h of a.hits || []) {
      const key = h.list + ' ' + h.entry;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(h);
    }
    for (const [key, hs] of groups) {
      const h0 = hs[0];
      const reasons = [...new Set(hs.map((h) => REASONS[h.reason] || human(h.reason)))];
      const ev = el('ul', { class: 'evidence' });
      for (const h of hs) {
        const value = fieldValue(decl, h.field);
        ev.append(el('li', { class: 'evidence-item', 'data-field': h.field || '' },
          el('span', { class: 'tag' }, REASONS[h.reason] || human(h.reason)), ' ',
          el('span', { class: 'muted field-label' }, fieldLabel(decl, h.field) + ': '),
          value !== undefined && typeof value !== 'object' ? highlighted(value, [h]) : el('mark', {}, h.match || '')));
        if (h.reason === 'party') {
          ev.append(el('li', { class: 'muted' }, `Listed name: ${h.listed_name || '—'}; matched name: ${h.matched_name || '—'}` +
            ` (quality ${h.quality || '—'}); similarity ${typeof h.similarity === 'number' ? h.similarity.toFixed(2) : '—'}` +
            ((h.distortions || []).length ? `; bridged: ${h.distortions.join(', ')}` : '')));
        }
      }
      ol.append(el('li', { class: 'hit', 'data-entry': key, 'data-hits': hs.length },
        el('div', { class: 'hit-head' }, el('strong', {}, h0.title || h0.entry), ' ',
          el('code', { class: 'muted' }, `${h0.list} ${h0.entry}`), ' ',
          el('span', { class: 'muted small' }, `${hs.length} hit${hs.length === 1 ? '' : 's'}: ${reasons.join(', ')}`)),
        ev, el('p', { class: 'explanation' }, h0.explanation || '')));
    }
  }

  /* Shows the control entries the hits refer to: title, explanation, legal source, regimes. */
  function renderEntries(a) {
    const box = $('entries');
    box.replaceChildren();
    const entries = a.entries || [];
    const known = new Set(entries.map((e) => e.list_id + ' ' + e.code));
    const seen = new Set();
    for (const h of a.hits || []) {
      const key = h.list + ' ' + h.entry;
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      const dl = el('dl', { class: 'summary' });
      const list = (a.lists || []).find((l) => l.list_id === h.list);
      if (h.listed_name) dlRow(dl, 'Listed name', h.listed_name);
      dlRow(dl, 'List', `${list && list.title ? list.title : h.list}, entry ${h.entry}` + (list && list.date ? ` (${list.date})` : ''));
      const basis = [];
      if (h.legal_basis) basis.push(h.legal_basis);
      else if (h.programme) basis.push(`programme ${h.programme}`);
      if (!h.legal_basis && list && list.source) basis.push(list.source);
      if (h.listed_on) basis.push(`listed ${h.listed_on}`);
      dlRow(dl, 'Legal basis', basis.length ? basis.join('; ') : 'see the explanation under "Why it matched"', 'entry-basis');
      box.append(el('div', { class: 'card entry', 'data-code': h.entry },
        el('h4', {}, el('span', { class: 'entry-title' }, h.title || h.entry), ' ', el('code', { class: 'muted' }, key)), dl));
    }
    for (const e of entries) {
      const dl = el('dl', { class: 'summary' });
      dlRow(dl, 'Explanation', e.explanation || '—', 'entry-explanation');
      dlRow(dl, 'Legal source', e.source || '—', 'entry-source');
      if (e.regimes && e.regimes.length) dlRow(dl, 'Regimes', e.regimes);
      dlRow(dl, 'List', `${e.list_title || e.list_id}` + (e.list_source ? ` — ${e.list_source}` : '') +
        (e.list_date ? ` (${e.list_date})` : ''));
      box.append(el('div', { class: 'card entry', 'data-code': e.code },
        el('h4', {}, el('span', { class: 'entry-title' }, e.title || e.code), ' ', el('code', { class: 'muted' }, `${e.list_id} ${e.code}`)), dl));
    }
  }

  /* Shows the declaration's reference, type, route (with matched countries marked) and parties. */
  function renderDeclaration(a) {
    const d = a.declaration || {};
    const r = d.route || {};
    const dl = $('declaration');
    dl.replaceChildren();
    dlRow(dl, 'Reference', d.reference || a.reference);
    dlRow(dl, 'Type', d.type || '—');
    const route = el('span', { class: 'route' }, highlighted(r.dispatch || '?', hitsOn(a, 'route.dispatch')));
    (r.transit || []).forEach((t, i) => route.append(' → ', highlighted(t, hitsOn(a, `route.transit[${i}]`))));
    route.append(' → ', highlighted(r.destination || '?', hitsOn(a, 'route.destination')));
    route.append(el('span', { class: 'muted small' }, '  (dispatch → ' + ((r.transit || []).length ? 'transit → ' : '') + 'destination)'));
    dlRow(dl, 'Route', route);
    const body = $('parties-body');
    body.replaceChildren();
    (d.parties || []).forEach((p, i) => body.append(el('tr', {}, el('td', {}, human(p.role)),
      el('td', {}, highlighted(p.name, hitsOn(a, `parties[${i}].name`)),
        ...(a.hits || []).filter((h) => h.reason === 'party' && h.field === `parties[${i}].name`).map(partyEvidence)),
      el('td', {}, highlighted(p.country || '', hitsOn(a, `parties[${i}].country`))))));
    if (!(d.parties || []).length) body.append(el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No parties declared.')));
  }

  /* Beside a declared party: the listed name it matched and why (words, distortions, the entry). */
  function partyEvidence(h) {
    const box = el('div', { class: 'party-evidence small', 'data-entry': h.entry || '' });
    if (h.weak) box.append(el('p', { class: 'weak' }, 'Common name: confirm identity.'));
    const alias = h.matched_name && h.matched_name !== h.listed_name;
    box.append(el('div', {}, 'Matches ', el('strong', {}, h.matched_name || h.listed_name || '—'),
      alias ? ` (alias of ${h.listed_name}, quality ${h.quality || 'not graded'})` : ` (${h.quality || 'primary name'})`,
      `, score ${typeof h.similarity === 'number' ? h.similarity.toFixed(2) : '—'}`));
    const words = (h.words || []).map((w) => `${w.listed} ← ${w.declared === null ? '(left out)' : w.declared}` +
      (w.how && w.how !== 'exact' ? ` [${w.how}]` : ''));
    if (words.length) box.append(el('div', { class: 'party-words' }, 'Words: ' + words.join('; ')));
    if ((h.distortions || []).length) box.append(el('div', { class: 'party-distortions' }, 'Bridged: ' + h.distortions.join(', ')));
    box.append(el('div', { class: 'muted' }, `${h.list} ${h.entry}` + (h.programme ? `, ${h.programme}` : '') +
      (h.listed_on ? `, listed ${h.listed_on}` : '') +
      ((h.listed_countries || []).length ? `, countries ${h.listed_countries.join(' ')}` : '')));
    return box;
  }

  /* "officer-a asks to release this alert: reason" for a pending four-eyes request. */
  function pendingText(p) {
    const what = p.action === 'reopen' ? 'reopen this alert' : `decide it ${human(p.decision)}`;
    return `${p.requested_by} asks to ${what}: ${p.reason}`;
  }

  /* One history row in officers' words: "claimed by officer-a", "released by …, approved by …". */
  function historyText(h) {
    const d = h.details || {};
    const who = h.actor || 'system';
    const asked = d.requested_action === 'reopen' ? 'reopening' : human(d.decision);
    switch (h.action) {
    case 'claim': return `claimed by ${who}`;
    case 'unclaim': return `claim given up by ${who}`;
    case 'assign': return `assigned to ${d.to} by ${who}` + (d.reason ? `: ${d.reason}` : '');
    case 'decision': return `${human(d.decision)} by ${who}: ${d.reason || ''}`;
    case 'reopen': return `reopened by ${who}: ${d.reason || ''}`;
    case 'note': return `note by ${who}: ${d.text || ''}`;
    case 'suppression': return `identical items suppressed by ${who} until ${d.expires_at || '?'}: ${d.reason || ''}`;
    case 'approval_request': return `${who} asked a supervisor to approve ${asked}: ${d.reason || ''}`;
    case 'approve': return (d.requested_action === 'reopen' ? `reopened by ${d.requested_by}` :
      `${human(d.decision)} by ${d.requested_by}`) + `, approved by ${who}` + (d.reason ? `: ${d.reason}` : '') +
      (d.comment ? ` (${d.comment})` : '');
    case 'reject': return `${asked} asked by ${d.requested_by} rejected by ${who}: ${d.comment || ''}`;
    default: return `${human(h.action)} by ${who}` + (Object.keys(d).length ? ': ' + describe(d) : '');
    }
  }

  /* Shows the alert's history (claims, decisions, notes, …) oldest first, in officers' words. */
  function renderHistory(a) {
    const ol = $('history');
    ol.replaceChildren();
    const hist = a.history || [];
    if (!hist.length) ol.append(el('li', { class: 'muted' }, 'Nothing has happened to this alert yet.'));
    for (const h of hist) {
      ol.append(el('li', { 'data-action': h.action },
        el('span', { class: 'muted' }, when(h.at)), ' ', el('span', { class: 'history-text' }, historyText(h)),
        h.list_version ? el('div', { class: 'muted small' }, `list version ${h.list_version}`) : null));
    }
  }

  /* Enables the action controls that make sense for the alert's status, the claimant and the role. */
  function updateActions(a) {
    const me = state.me || {};
    const canAct = me.role === 'officer' || me.role === 'supervisor';
    const mine = a.status === 'claimed' && a.claimed_by === me.name;
    const decided = DECIDED.has(a.status);
    const waiting = !!a.pending;
    $('claim').disabled = !canAct || a.status !== 'open';
    $('unclaim').disabled = !canAct || !mine || waiting;
    $('decide-set').disabled = !canAct || !mine || waiting;
    $('reopen-set').disabled = !canAct || !decided || waiting;
    $('assign-set').disabled = !canAct || waiting || !(a.status === 'open' || mine);
    $('note-set').disabled = !canAct;
    /* Four eyes: a supervisor other than the requester answers a request. */
    $('approval').hidden = !waiting;
    $('approval-text').textContent = waiting ? 'Awaiting a supervisor: ' + pendingText(a.pending) : '';
    $('approve-set').disabled = !waiting || me.role !== 'supervisor' || a.pending.requested_by === me.name;
    $('suppress-set').disabled = !canAct || a.status !== 'false_positive' || a.item_seq == null;
    $('goto-actions').hidden = !canAct;
    let hint;
    if (!canAct) hint = `Read only: your role (${me.role}) cannot change alerts.`;
    else if (waiting && me.role === 'supervisor' && a.pending.requested_by !== me.name) hint = 'Approve or reject the request below.';
    else if (waiting) hint = 'Waiting for a supervisor to approve or reject the request.';
    else if (a.status === 'open') hint = 'Claim this alert to decide it.';
    else if (mine) hint = 'You hold this alert: decide it with a reason, or unclaim it.';
    else if (a.status === 'claimed') hint = `${a.claimed_by} is working on this alert.`;
    else if (a.status === 'false_positive') hint = 'False positive: you may suppress identical items, or reopen.';
    else hint = 'Decided: reopen it with a reason to change the decision.';
    say('action-hint', hint);
  }

  /* Runs one alert action (POST), then refreshes the alert and the queue and reports the outcome. */
  async function act(path, body, done) {
    const a = state.current;
    if (!a) return;
    say('action-status', '');
    say('action-error', '');
    let answer;
    try {
      answer = await api('POST', path, body);
    } catch (e) {
      say('action-error', e.message);
      if (e.status === 409) { await openAlert(a.id, true); await loadQueue(false); }  // someone changed it: show the current state
      return false;
    }
    say('action-status', typeof done === 'function' ? done(answer) : done);
    await openAlert(a.id, true);
    await loadQueue(false);
    return true;
  }

  /* Returns the trimmed value of a required textarea, or shows an error and returns null. */
  function required(id, what) {
    const v = $(id).value.trim();
    if (!v) {
      say('action-status', '');
      say('action-error', `${what} is required.`);
      $(id).setAttribute('aria-invalid', 'true');
      $(id).focus();
      return null;
    }
    $(id).removeAttribute('aria-invalid');
    return v;
  }

  /* Wires the buttons and forms of the action panel. */
  function bindActions() {
    const base = () => '/v1/alerts/' + encodeURIComponent(state.current.id);
    $('claim').addEventListener('click', () => act(base() + '/claim', undefined, 'Claimed: the alert is yours.'));
    $('unclaim').addEventListener('click', () => act(base() + '/unclaim', undefined, 'Unclaimed: the alert is back in the open queue.'));
    $('decide-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const decision = $('decision').value;
      if (!decision) {
        say('action-status', '');
        say('action-error', 'Choose a decision.');
        $('decision').focus();
        return;
      }
      const reason = required('decide-reason', 'A reason for the decision');
      if (reason && await act(base() + '/decision', { decision, reason },
        (r) => r && r.pending ? `Sent for approval: a supervisor must approve ${human(decision)}.` : `Decided: ${human(decision)}.`)) {
        $('decide-reason').value = '';
        $('decision').value = '';
      }
    });
    $('reopen-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const reason = required('reopen-reason', 'A reason for reopening');
      if (reason && await act(base() + '/reopen', { reason },
        (r) => r && r.pending ? 'Sent for approval: a supervisor must approve reopening another officer\'s decision.' : 'Reopened.')) {
        $('reopen-reason').value = '';
      }
    });
    $('approve-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const comment = $('approve-comment').value.trim();
      if (await act(base() + '/approve', comment ? { comment } : {}, 'Approved.')) $('approve-comment').value = '';
    });
    $('reject').addEventListener('click', async () => {
      const reason = required('approve-comment', 'A reason for rejecting');
      if (reason && await act(base() + '/reject', { reason }, 'Rejected: the alert stays as it was.')) $('approve-comment').value = '';
    });
    $('assign-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const to = required('assign-to', 'The colleague\'s name');
      const reason = $('assign-reason').value.trim();
      if (to && await act(base() + '/assign', reason ? { to, reason } : { to }, `Assigned to ${to}.`)) {
        $('assign-to').value = '';
        $('assign-reason').value = '';
      }
    });
    $('note-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const text = required('note-text', 'The note text');
      if (text && await act(base() + '/notes', { text }, 'Note added.')) $('note-text').value = '';
    });
    $('suppress-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const reason = required('suppress-reason', 'A reason for the suppression');
      const day = $('suppress-expiry').value;
      if (!reason) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) { say('action-error', 'Choose an expiry date.'); return; }
      if (await act('/v1/suppressions', { alert_id: state.current.id, reason, expires_at: day + 'T23:59:59Z' },
        `Suppressed until ${day}.`)) $('suppress-reason').value = '';
    });
  }

  /* Sets up the page: selects, event handlers, and a session restored from sessionStorage. */
  function init() {
    const exp = new Date(Date.now() + 90 * 86400e3);
    $('suppress-expiry').value = exp.toISOString().slice(0, 10);
    $('suppress-expiry').min = new Date().toISOString().slice(0, 10);
    $('signin-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const t = $('token').value.trim();
      if (!t) { say('signin-error', 'Enter your API token.'); return; }
      signIn(t);
    });
    $('signout').addEventListener('click', () => signOut('Signed out.'));
    $('filters').addEventListener('change', () => loadQueue(false));
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); loadQueue(false); });
    $('export-csv').addEventListener('click', exportCsv);
    $('goto-actions').addEventListener('click', () => {
      $('actions').scrollIntoView({ block: 'start' });
      const first = $('actions').querySelector('select:enabled, textarea:enabled, summary');
      if (first) first.focus();
    });
    $('load-more').addEventListener('click', () => loadQueue(true));
    bindActions();
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) signIn(saved); else $('token').focus();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
