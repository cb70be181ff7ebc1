/* Cordon console: the rule-quality view for administrators and auditors (GET /v1/stats/entries),
 * with the progress of the re-screening after the last activation (GET /v1/lists).
 * Started by app.js's "cordon:signin" event; plain DOM, text only (never innerHTML). */
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ROLES = new Set(['admin', 'auditor']);
  let api = null;

  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  /* "3 min", "2.5 h", "4 d" from seconds. */
  function duration(s) {
    if (s === null || s === undefined) return '—';
    if (s < 3600) return Math.round(s / 60) + ' min';
    if (s < 86400) return (s / 3600).toFixed(1) + ' h';
    return (s / 86400).toFixed(1) + ' d';
  }

  function counts(o) {
    const k = Object.keys(o || {}).sort();
    return k.length ? k.map((x) => `${x.replace(/_/g, ' ')} ${o[x]}`).join(', ') : '—';
  }

  async function loadProgress() {
    try {
      const l = await api('GET', '/v1/lists');
      const r = l.rescreen;
      $('rescreen-status').textContent = !r ? `List version ${l.version}; no re-screening yet.`
        : `List version ${l.version}. Re-screening against ${r.version}: ${r.status}, ${r.done} of ${r.total} `
          + `declarations, ${r.alerts_raised} new alert${r.alerts_raised === 1 ? '' : 's'}, `
          + `${r.notes_added} note${r.notes_added === 1 ? '' : 's'} on alerts whose hits went away.`;
    } catch (e) {
      $('rescreen-status').textContent = '';
    }
  }

  async function load() {
    $('quality-error').textContent = '';
    let s;
    try {
      s = await api('GET', '/v1/stats/entries?days=' + encodeURIComponent($('q-days').value));
    } catch (e) {
      $('quality-error').textContent = 'Could not load the statistics: ' + e.message;
      return;
    }
    const body = $('quality-body');
    body.replaceChildren();
    for (const e of s.entries || []) {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = `${e.list}/${e.entry}`;
      if (e.title) {
        const t = document.createElement('div');
        t.className = 'muted small';
        t.textContent = e.title;
        name.append(t);
      }
      const share = e.false_positive_share === null || e.false_positive_share === undefined ? '—'
        : Math.round(100 * e.false_positive_share) + ' %';
      tr.append(name, cell(String(e.hits)), cell(String(e.alerts)), cell(String(e.decided)),
        cell(share, e.false_positive_share >= 0.8 && e.decided >= 5 ? 'high-fp' : null),
        cell(duration(e.median_seconds_to_decision)), cell(counts(e.decisions)));
      body.append(tr);
    }
    if (!(s.entries || []).length) {
      const tr = document.createElement('tr');
      const td = cell('No alerts in this period.');
      td.colSpan = 7;
      tr.append(td);
      body.append(tr);
    }
    loadProgress();
  }

  document.addEventListener('cordon:signin', (ev) => {
    const me = ev.detail.me;
    api = ev.detail.api;
    $('quality').hidden = !ROLES.has(me.role);
    /* Administrators do not work alerts: the queue is for officers and auditors. */
    $('queue').hidden = me.role === 'admin';
    $('detail').hidden = me.role === 'admin';
    if (ROLES.has(me.role)) load();
  });
  document.addEventListener('cordon:signout', () => {
    api = null;
    $('quality').hidden = true;
    $('queue').hidden = false;
    $('detail').hidden = false;
    $('quality-body').replaceChildren();
  });
  document.addEventListener('DOMContentLoaded', () => {
    $('q-days').addEventListener('change', () => api && load());
    $('q-refresh').addEventListener('click', () => api && load());
    $('quality-filters').addEventListener('submit', (ev) => { ev.preventDefault(); if (api) load(); });
  });
})();
