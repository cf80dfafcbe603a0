/* A learner's own record, kept in this browser only: pathway progress, a self-assessment with
   the learning organisation card pack, and a learning log; and the offline copies kept by the
   service worker (sw.js, written by the build). Nothing here sends anything anywhere: every
   value stays in localStorage on this device, and files are saved and loaded by the reader.
   Each part enhances markup the page already has, and does nothing on pages without it. */
(function () {
  'use strict';

  var PREFIX = 'commons-learner.';
  var KEYS = {
    pathwayPrefix: PREFIX + 'pathway.',
    last: PREFIX + 'last-pathway',
    cards: PREFIX + 'card-pack',
    log: PREFIX + 'log'
  };
  var RATINGS = [
    {value: 'yes', label: 'We do this'},
    {value: 'partly', label: 'Partly'},
    {value: 'not-yet', label: 'Not yet'}
  ];

  /* ---------- small helpers ---------- */

  function config() {
    var node = document.getElementById('__config');
    try { return node ? JSON.parse(node.textContent) : {}; } catch (error) { return {}; }
  }
  var BASE = (function () {
    var base = config().base || '.';
    try { return new URL(/\/$/.test(base) ? base : base + '/', location.href); }
    catch (error) { return new URL('/', location.href); }
  })();

  function sitePath(url) {
    // The path of a page relative to the site root: "pathways/becoming-a-teacher/".
    var path = new URL(url, location.href).pathname;
    return path.indexOf(BASE.pathname) === 0 ? path.slice(BASE.pathname.length) : path;
  }

  function read(key, fallback) {
    try {
      var text = localStorage.getItem(key);
      return text === null ? fallback : JSON.parse(text);
    } catch (error) { return fallback; }
  }

  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; }
    catch (error) { return false; }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else if (name === 'hidden') node.hidden = Boolean(attrs[name]);
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function status(className) {
    return el('p', {'class': 'commons-learner-status ' + (className || ''), role: 'status'});
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, '0');
    return now.getFullYear() + '-' + month + '-' + String(now.getDate()).padStart(2, '0');
  }

  function headingText(heading) {
    // A heading's words without the permalink sign that the table of contents adds.
    var copy = heading.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function article() {
    return document.querySelector('article.md-content__inner') ||
      document.querySelector('.md-content__inner');
  }

  function plural(count, one, many) { return count + ' ' + (count === 1 ? one : many); }

  function hours(value) {
    var number = Math.round(Number(value || 0) * 100) / 100;
    return plural(number, 'hour', 'hours');
  }

  /* ---------- CSV, both ways (RFC 4180: quotes doubled, fields with , " or newlines quoted) */

  function csvField(value) {
    var text = String(value === undefined || value === null ? '' : value);
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(header, rows) {
    return [header].concat(rows).map(function (row) {
      return row.map(csvField).join(',');
    }).join('\r\n') + '\r\n';
  }

  function parseCsv(text) {
    var rows = [], row = [], field = '', quoted = false, i = 0;
    text = text.replace(/^\uFEFF/, '');
    for (; i < text.length; i += 1) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; }
      else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i += 1;
        row.push(field); rows.push(row); row = []; field = '';
      } else field += c;
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    var header = rows.shift() || [];
    return rows.filter(function (cells) { return cells.join('') !== ''; }).map(function (cells) {
      var record = {};
      header.forEach(function (name, index) {
        var value = cells[index] || '';
        record[name.trim()] = /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
      });
      return record;
    });
  }

  function download(name, text) {
    var blob = new Blob(['\uFEFF' + text], {type: 'text/csv;charset=utf-8'});
    var link = el('a', {href: URL.createObjectURL(blob), download: name, 'class': 'commons-learner-hidden-link'});
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function readFile(input, done) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result), file.name); input.value = ''; };
    reader.readAsText(file);
  }

  function fileControl(id, label, onText) {
    var input = el('input', {type: 'file', id: id, accept: '.csv,text/csv'});
    input.addEventListener('change', function () { readFile(input, onText); });
    return el('div', {'class': 'commons-learner-file'}, [
      el('label', {'for': id, text: label}), input]);
  }

  function button(text, onClick, className) {
    var node = el('button', {type: 'button', 'class': 'md-button ' + (className || ''), text: text});
    node.addEventListener('click', onClick);
    return node;
  }

  function printWith(className) {
    document.documentElement.classList.add(className);
    var done = function () {
      document.documentElement.classList.remove(className);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  /* ---------- pathway progress ---------- */

  function pathwayKey(path) { return KEYS.pathwayPrefix + path; }

  function enhancePathway() {
    var list = document.querySelector('ol.commons-steps');
    if (!list) return;
    var path = sitePath(location.href);
    var title = headingText(document.querySelector('.md-content h1') || document.createElement('h1'));
    var steps = Array.prototype.slice.call(list.querySelectorAll('li.commons-step'));
    var saved = read(pathwayKey(path), {done: []});
    var done = new Set(saved.done || []);
    var summary = status('commons-learner-progress');
    list.parentNode.insertBefore(summary, list);

    function show(announce) {
      var count = steps.filter(function (step) {
        var heading = step.querySelector('h3[id^="step-"]');
        return heading && done.has(heading.id);
      }).length;
      var text = count + ' of ' + plural(steps.length, 'step', 'steps') + ' done';
      if (announce || summary.textContent !== text) summary.textContent = text;
      return count;
    }

    steps.forEach(function (step) {
      var heading = step.querySelector('h3[id^="step-"]');
      if (!heading) return;
      var id = 'commons-done-' + heading.id;
      var box = el('input', {type: 'checkbox', id: id});
      box.checked = done.has(heading.id);
      step.classList.toggle('commons-step--done', box.checked);
      var label = el('label', {'for': id}, [
        'Done', el('span', {'class': 'md-visually-hidden commons-learner-sr', text: ': ' + headingText(heading)})]);
      box.addEventListener('change', function () {
        if (box.checked) done.add(heading.id); else done.delete(heading.id);
        step.classList.toggle('commons-step--done', box.checked);
        var count = show(true);
        var record = {done: Array.from(done).sort(), total: steps.length, title: title,
                      updated: new Date().toISOString()};
        if (!write(pathwayKey(path), record)) {
          summary.textContent = 'This browser would not keep your progress (its storage is full or turned off).';
          return;
        }
        write(KEYS.last, {path: path, title: title, done: count, total: steps.length});
      });
      heading.insertAdjacentElement('afterend', el('p', {'class': 'commons-learner-done'}, [box, ' ', label]));
    });
    show(false);
  }

  /* ---------- home page: continue where you left off ---------- */

  function enhanceHome() {
    if (sitePath(location.href) !== '') return;
    var last = read(KEYS.last, null);
    var log = read(KEYS.log, []);
    var target = article();
    var heading = target && target.querySelector('h1');
    if (!heading || (!last && !log.length)) return;
    var items = [];
    if (last && last.path) {
      var words = last.done >= last.total ? 'all ' + plural(last.total, 'step', 'steps') + ' done'
        : last.done + ' of ' + plural(last.total, 'step', 'steps') + ' done';
      items.push(el('li', {}, [el('a', {href: new URL(last.path, BASE).href, text: last.title}), ': ' + words]));
    }
    if (log.length) {
      var total = log.reduce(function (sum, entry) { return sum + Number(entry.hours || 0); }, 0);
      items.push(el('li', {}, [el('a', {href: new URL('about/learning-log/', BASE).href, text: 'Your learning log'}),
        ': ' + plural(log.length, 'entry', 'entries') + ', ' + hours(total)]));
    }
    var box = el('section', {'class': 'commons-learner-continue', 'aria-labelledby': 'commons-continue'}, [
      el('h2', {id: 'commons-continue', text: 'Continue where you left off'}),
      el('ul', {}, items),
      el('p', {'class': 'commons-learner-small'}, ['Kept on this device only. ',
        el('a', {href: new URL('about/your-data-on-this-device/', BASE).href, text: 'Your data on this device'})])
    ]);
    heading.insertAdjacentElement('afterend', box);
  }

  /* ---------- card pack self-assessment ---------- */

  var CARD = /^([A-Z]{1,5}) (\d+) · (.+)$/;

  function packCards() {
    // Cards are h3 headings "KC 1 · ..." under h2 section headings; References are not rated.
    var cards = [];
    var section = null;
    var content = article();
    if (!content) return cards;
    content.querySelectorAll('h2, h3').forEach(function (heading) {
      if (heading.tagName === 'H2') { section = heading; return; }
      var match = CARD.exec(headingText(heading));
      if (!match || !section || !heading.id || match[1] === 'R') return;
      cards.push({heading: heading, code: match[1] + ' ' + match[2], title: match[3],
                  section: headingText(section).replace(/\s*\(.*\)\s*$/, ''), sectionId: section.id});
    });
    return cards;
  }

  function timeFrames() {
    // The pack's own time frames: the tabs under "Using the pack", in order.
    var block = document.querySelector('#using-the-pack ~ .tabbed-set');
    if (!block) return [];
    var labels = block.querySelectorAll('.tabbed-labels > label');
    var panels = block.querySelectorAll('.tabbed-content > .tabbed-block');
    return Array.prototype.map.call(labels, function (label, index) {
      var first = panels[index] && panels[index].querySelector('p');
      return {name: label.textContent.trim(), intro: first ? first.textContent.trim() : ''};
    });
  }

  function fitFrame(counts, frames) {
    // Mostly "not yet": start with the ideas to use straight away; mostly "partly": the
    // medium term; mostly "we do this": the longer term.
    if (frames.length < 3) return null;
    var rated = counts.yes + counts.partly + counts['not-yet'];
    if (!rated) return null;
    if (counts['not-yet'] * 2 >= rated) return frames[0];
    if (counts.yes * 2 > rated) return frames[2];
    return frames[1];
  }

  function enhanceCardPack() {
    var cards = packCards();
    var anchor = document.getElementById('using-the-pack');
    if (cards.length < 2 || !anchor) return;
    var frames = timeFrames();
    var state = read(KEYS.cards, {ratings: {}});
    var ratings = state.ratings || {};

    var live = status('commons-learner-pack-status');
    var table = el('tbody');
    var detail = el('tbody');
    var comparison = null;

    cards.forEach(function (card, index) {
      var slug = card.heading.id;
      var legendId = 'commons-rate-' + slug + '-legend';
      var radios = RATINGS.map(function (rating) {
        var id = 'commons-rate-' + slug + '-' + rating.value;
        var input = el('input', {type: 'radio', name: 'commons-rate-' + slug, id: id, value: rating.value});
        input.addEventListener('change', function () { save(card.code, {rating: rating.value}); });
        return el('span', {'class': 'commons-learner-choice'}, [input, ' ', el('label', {'for': id, text: rating.label})]);
      });
      var noteId = 'commons-note-' + slug;
      var note = el('textarea', {id: noteId, rows: '2', 'class': 'commons-learner-note'});
      note.addEventListener('change', function () { save(card.code, {note: note.value}); });
      var box = el('fieldset', {'class': 'commons-learner-rate', 'data-card': card.code}, [
        el('legend', {id: legendId, text: 'Where does your organisation stand on ' + card.code + '?'}),
        el('div', {'class': 'commons-learner-choices'}, radios),
        el('label', {'for': noteId, text: 'Note on ' + card.code + ' (optional)'}), note
      ]);
      card.box = box;
      card.note = note;
      // After the card's text: before the next heading.
      var next = card.heading.nextElementSibling;
      while (next && !/^H[1-3]$/.test(next.tagName)) next = next.nextElementSibling;
      if (next) next.parentNode.insertBefore(box, next);
      else card.heading.parentNode.appendChild(box);
      void index;
    });

    function fill() {
      cards.forEach(function (card) {
        var saved = ratings[card.code] || {};
        card.box.querySelectorAll('input[type=radio]').forEach(function (radio) {
          radio.checked = radio.value === saved.rating;
        });
        card.note.value = saved.note || '';
      });
    }

    function save(code, change) {
      var entry = Object.assign({}, ratings[code] || {}, change);
      ratings[code] = entry;
      if (!write(KEYS.cards, {ratings: ratings, updated: new Date().toISOString()})) {
        live.textContent = 'This browser would not keep your ratings (its storage is full or turned off). Save them as a file.';
        return;
      }
      summarise();
    }

    function countsOf(source, sectionCards) {
      var counts = {yes: 0, partly: 0, 'not-yet': 0, none: 0};
      sectionCards.forEach(function (card) {
        var rating = (source[card.code] || {}).rating;
        counts[counts.hasOwnProperty(rating) && rating !== 'none' ? rating : 'none'] += 1;
      });
      return counts;
    }

    function sections() {
      var found = [];
      cards.forEach(function (card) {
        var last = found[found.length - 1];
        if (!last || last.id !== card.sectionId) {
          last = {id: card.sectionId, name: card.section, cards: []};
          found.push(last);
        }
        last.cards.push(card);
      });
      return found;
    }

    function summarise() {
      table.textContent = '';
      var rated = 0;
      sections().forEach(function (section) {
        var counts = countsOf(ratings, section.cards);
        rated += section.cards.length - counts.none;
        var frame = fitFrame(counts, frames);
        var cells = [el('th', {scope: 'row'}, [el('a', {href: '#' + section.id, text: section.name})]),
          el('td', {text: String(counts.yes)}), el('td', {text: String(counts.partly)}),
          el('td', {text: String(counts['not-yet'])}), el('td', {text: String(counts.none)}),
          el('td', {}, frame ? [el('a', {href: '#using-the-pack', text: frame.name}), ': ' + frame.intro]
            : ['Rate a card to see which ideas fit.'])];
        if (comparison) {
          var before = countsOf(comparison.ratings, section.cards);
          cells.push(el('td', {text: before.yes + ' / ' + before.partly + ' / ' + before['not-yet']}));
        }
        table.appendChild(el('tr', {}, cells));
      });
      detail.textContent = '';
      cards.forEach(function (card) {
        var saved = ratings[card.code] || {};
        var label = RATINGS.filter(function (r) { return r.value === saved.rating; })[0];
        detail.appendChild(el('tr', {}, [el('th', {scope: 'row', text: card.code + ' · ' + card.title}),
          el('td', {text: label ? label.label : 'Not rated'}), el('td', {text: saved.note || ''})]));
      });
      live.textContent = rated + ' of ' + plural(cards.length, 'card', 'cards') + ' rated.';
    }

    function rows() {
      return cards.map(function (card) {
        var saved = ratings[card.code] || {};
        return [card.section, card.code, card.title, saved.rating || '', saved.note || ''];
      });
    }

    function fromCsv(text) {
      var loaded = {};
      parseCsv(text).forEach(function (record) {
        var code = (record.code || '').trim();
        var rating = (record.rating || '').trim();
        var entry = {};
        if (RATINGS.some(function (r) { return r.value === rating; })) entry.rating = rating;
        if (record.note) entry.note = record.note;
        if (code && (entry.rating || entry.note)) loaded[code] = entry;
      });
      return loaded;
    }

    var compareHead = el('th', {scope: 'col', text: 'Earlier file: we do this / partly / not yet', hidden: true});
    var section = el('section', {'class': 'commons-learner-pack', 'aria-labelledby': 'commons-self-assessment'}, [
      el('h2', {id: 'commons-self-assessment', text: 'Your self-assessment'}),
      el('p', {text: 'Rate each card above as "we do this", "partly" or "not yet", and add a note if you like. ' +
        'Your ratings stay in this browser only: nothing is sent anywhere. Save them as a file to keep them, ' +
        'share them with your team, or compare with a later assessment.'}),
      live,
      el('table', {'class': 'commons-learner-summary'}, [
        el('caption', {text: 'Where your organisation stands, section by section'}),
        el('thead', {}, [el('tr', {}, [el('th', {scope: 'col', text: 'Section'}),
          el('th', {scope: 'col', text: 'We do this'}), el('th', {scope: 'col', text: 'Partly'}),
          el('th', {scope: 'col', text: 'Not yet'}), el('th', {scope: 'col', text: 'Not rated'}),
          el('th', {scope: 'col', text: 'Ideas that fit'}), compareHead])]),
        table]),
      el('table', {'class': 'commons-learner-print-only'}, [
        el('caption', {text: 'Every card'}),
        el('thead', {}, [el('tr', {}, [el('th', {scope: 'col', text: 'Card'}),
          el('th', {scope: 'col', text: 'Rating'}), el('th', {scope: 'col', text: 'Note'})])]),
        detail]),
      el('div', {'class': 'commons-learner-actions'}, [
        button('Save as a file (CSV)', function () {
          download('card-pack-self-assessment-' + today() + '.csv',
            toCsv(['section', 'code', 'card', 'rating', 'note'], rows()));
          live.textContent = 'Saved as a file. Look in your downloads.';
        }),
        button('Print the result', function () { printWith('commons-print-assessment'); }),
        button('Clear all ratings', function () {
          if (!window.confirm('Clear every rating and note on this device? Save a file first if you want to keep them.')) return;
          ratings = {};
          try { localStorage.removeItem(KEYS.cards); } catch (error) { /* nothing kept */ }
          fill(); summarise();
          live.textContent = 'All ratings cleared. ' + live.textContent;
        })
      ]),
      fileControl('commons-pack-load', 'Load a saved self-assessment (CSV file)', function (text) {
        ratings = fromCsv(text);
        write(KEYS.cards, {ratings: ratings, updated: new Date().toISOString()});
        fill(); summarise();
        live.textContent = 'Loaded. ' + live.textContent;
      }),
      fileControl('commons-pack-compare', 'Compare with an earlier self-assessment (CSV file)', function (text, name) {
        comparison = {ratings: fromCsv(text), name: name};
        compareHead.hidden = false;
        compareHead.textContent = 'Earlier (' + name + '): we do this / partly / not yet';
        summarise();
        live.textContent = 'Compared with ' + name + '. ' + live.textContent;
      })
    ]);
    anchor.parentNode.insertBefore(section, anchor);
    fill();
    summarise();
  }

  /* ---------- learning log ---------- */

  var LOG_FIELDS = ['date', 'title', 'hours', 'learned', 'practice', 'url', 'id'];

  function newId() {
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
  }

  function cleanEntry(raw) {
    var entry = {};
    LOG_FIELDS.forEach(function (field) { entry[field] = String(raw[field] || '').trim(); });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date) || !entry.title) return null;
    var number = Number(entry.hours || 0);
    entry.hours = isFinite(number) && number >= 0 ? String(number) : '0';
    entry.id = entry.id || newId();
    return entry;
  }

  function logForm(prefix, title, url, onAdded) {
    // The fields of one log entry; a session page gives the title and address.
    var fields = [];
    function field(name, label, control, hint) {
      control.id = prefix + '-' + name;
      control.name = name;
      var parts = [el('label', {'for': control.id, text: label})];
      if (hint) {
        parts.push(el('span', {id: control.id + '-hint', 'class': 'commons-learner-hint', text: hint}));
        control.setAttribute('aria-describedby', control.id + '-hint');
      }
      parts.push(control);
      fields.push(el('div', {'class': 'commons-learner-field'}, parts));
      return control;
    }
    var titleInput = title ? null : field('title', 'What you took part in',
      el('input', {type: 'text', required: 'required', autocomplete: 'off'}), 'For example a course, a session or some reading.');
    var date = field('date', 'Date', el('input', {type: 'date', required: 'required', value: today()}));
    var time = field('hours', 'Hours', el('input', {type: 'number', min: '0', max: '1000', step: '0.25', value: '1', inputmode: 'decimal'}));
    var learned = field('learned', 'What you learned', el('textarea', {rows: '3'}));
    var practice = field('practice', 'How it changes your practice', el('textarea', {rows: '3'}));
    var said = status('commons-learner-log-status');
    var form = el('form', {'class': 'commons-learner-form', id: prefix}, fields.concat([
      el('button', {type: 'submit', 'class': 'md-button md-button--primary', text: 'Add to my learning log'}), said]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var entry = cleanEntry({date: date.value, hours: time.value, learned: learned.value,
        practice: practice.value, title: title || titleInput.value, url: url || ''});
      if (!entry) { said.textContent = 'Give a date' + (title ? '' : ' and what you took part in') + ', then add it again.'; return; }
      var log = read(KEYS.log, []);
      log.push(entry);
      if (!write(KEYS.log, log)) { said.textContent = 'This browser would not keep your log (its storage is full or turned off).'; return; }
      learned.value = ''; practice.value = '';
      if (titleInput) titleInput.value = '';
      said.textContent = 'Added "' + entry.title + '" (' + hours(entry.hours) + ') to your learning log.';
      if (onAdded) onAdded();
    });
    return form;
  }

  function enhanceSession() {
    var path = sitePath(location.href);
    if (!/^sessions\/[^/]+\/$/.test(path)) return;
    var content = article();
    var heading = content && content.querySelector('h1');
    if (!heading) return;
    var section = el('section', {'class': 'commons-learner-log-add', 'aria-labelledby': 'commons-log-add'}, [
      el('h2', {id: 'commons-log-add', text: 'Add this session to your learning log'}),
      el('p', {}, ['Your log is kept in this browser only. ',
        el('a', {href: new URL('about/learning-log/', BASE).href, text: 'See your learning log'})]),
      logForm('commons-log-session', headingText(heading), path)
    ]);
    content.appendChild(section);
  }

  function enhanceLogPage() {
    var anchor = document.getElementById('your-log');
    if (!anchor || sitePath(location.href) !== 'about/learning-log/') return;
    var live = status('commons-learner-log-summary');
    var body = el('tbody');
    var foot = el('tfoot');
    var empty = el('p', {text: 'Your log is empty. Add a session from its page, or add any other learning below.'});
    var name = el('input', {type: 'text', id: 'commons-log-name', autocomplete: 'name'});

    function sorted() {
      return read(KEYS.log, []).slice().sort(function (a, b) {
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      });
    }

    function render(message) {
      var log = sorted();
      body.textContent = '';
      foot.textContent = '';
      var total = 0;
      log.forEach(function (entry) {
        total += Number(entry.hours || 0);
        var what = entry.url ? el('a', {href: new URL(entry.url, BASE).href, text: entry.title}) : entry.title;
        var remove = button('Remove', function () {
          var kept = read(KEYS.log, []).filter(function (other) { return other.id !== entry.id; });
          write(KEYS.log, kept);
          render('Removed "' + entry.title + '".');
        }, 'commons-learner-remove');
        remove.setAttribute('aria-label', 'Remove ' + entry.title + ', ' + entry.date);
        body.appendChild(el('tr', {}, [el('td', {text: entry.date}), el('th', {scope: 'row'}, [what]),
          el('td', {text: String(Number(entry.hours || 0))}), el('td', {text: entry.learned}),
          el('td', {text: entry.practice}), el('td', {'class': 'commons-learner-no-print'}, [remove])]));
      });
      foot.appendChild(el('tr', {}, [el('th', {scope: 'row', colspan: '2', text: 'Total'}),
        el('td', {text: String(Math.round(total * 100) / 100)}), el('td', {colspan: '3'})]));
      empty.hidden = log.length > 0;
      var summary = plural(log.length, 'entry', 'entries') + ', ' + hours(total) + ' in all.';
      live.textContent = message ? message + ' ' + summary : summary;
    }

    var heading = el('p', {'class': 'commons-learner-print-only commons-learner-record-title'});
    var section = el('section', {'class': 'commons-learner-log', 'aria-label': 'Your learning log'}, [
      live, empty,
      heading,
      el('table', {'class': 'commons-learner-log-table'}, [
        el('caption', {text: 'Learning log, by date'}),
        el('thead', {}, [el('tr', {}, [el('th', {scope: 'col', text: 'Date'}),
          el('th', {scope: 'col', text: 'What'}), el('th', {scope: 'col', text: 'Hours'}),
          el('th', {scope: 'col', text: 'What I learned'}), el('th', {scope: 'col', text: 'How it changes my practice'}),
          el('th', {scope: 'col', 'class': 'commons-learner-no-print'}, [el('span', {'class': 'md-visually-hidden commons-learner-sr', text: 'Remove'})])])]),
        body, foot]),
      el('div', {'class': 'commons-learner-actions'}, [
        button('Save as a file (CSV)', function () {
          download('learning-log-' + today() + '.csv', toCsv(LOG_FIELDS, sorted().map(function (entry) {
            return LOG_FIELDS.map(function (field) { return entry[field]; });
          })));
          live.textContent = 'Saved as a file. Look in your downloads.';
        }),
        button('Print a record', function () {
          heading.textContent = 'Learning record' + (name.value.trim() ? ' of ' + name.value.trim() : '') +
            ', printed ' + today();
          printWith('commons-print-log');
        })
      ]),
      el('div', {'class': 'commons-learner-field'}, [
        el('label', {'for': 'commons-log-name', text: 'Your name, for the printed record (optional, not kept)'}), name]),
      fileControl('commons-log-import', 'Load a saved learning log (CSV file)', function (text) {
        var log = read(KEYS.log, []);
        var ids = new Set(log.map(function (entry) { return entry.id; }));
        var added = 0, skipped = 0;
        parseCsv(text).forEach(function (record) {
          var entry = cleanEntry(record);
          if (!entry) { skipped += 1; return; }
          if (ids.has(entry.id)) return;
          ids.add(entry.id); log.push(entry); added += 1;
        });
        write(KEYS.log, log);
        render('Loaded ' + plural(added, 'new entry', 'new entries') +
          (skipped ? '; ' + skipped + ' rows had no date or title and were left out' : '') + '.');
      }),
      el('h2', {id: 'commons-log-add', text: 'Add other learning'}),
      logForm('commons-log-other', null, null, function () { render(); })
    ]);
    var next = anchor.nextElementSibling;
    while (next && next.tagName === 'P') next = next.nextElementSibling;
    anchor.parentNode.insertBefore(section, next);
    render();
  }

  /* ---------- your data on this device ---------- */

  function materialKeys(storage) {
    // Material keeps its own settings under "<site path>.__<name>".
    var mine = [];
    var scope = BASE.pathname + '.__';
    for (var i = 0; i < storage.length; i += 1) {
      var key = storage.key(i);
      if (key && (key.indexOf(PREFIX) === 0 || key.indexOf(scope) === 0)) mine.push(key);
    }
    return mine;
  }

  function clearEverything() {
    [localStorage, sessionStorage].forEach(function (storage) {
      try { materialKeys(storage).forEach(function (key) { storage.removeItem(key); }); }
      catch (error) { /* storage turned off: nothing kept */ }
    });
    var work = [];
    if (window.caches) {
      work.push(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf('commons-offline-') === 0; })
          .map(function (name) { return caches.delete(name); }));
      }));
    }
    return Promise.all(work);
  }

  function describeData() {
    var pathways = 0, cards = 0, entries = read(KEYS.log, []).length;
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var key = localStorage.key(i);
        if (key && key.indexOf(KEYS.pathwayPrefix) === 0) pathways += 1;
      }
    } catch (error) { /* storage turned off */ }
    var ratings = read(KEYS.cards, {ratings: {}}).ratings || {};
    cards = Object.keys(ratings).filter(function (code) { return ratings[code].rating || ratings[code].note; }).length;
    var text = 'On this device now: progress on ' + plural(pathways, 'pathway', 'pathways') + ', ' +
      plural(cards, 'card rating', 'card ratings') + ', ' + plural(entries, 'log entry', 'log entries');
    if (!window.caches) return Promise.resolve(text + '.');
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf('commons-offline-') === 0; })
        .map(function (name) { return caches.open(name).then(function (cache) { return cache.keys(); }); }));
    }).then(function (lists) {
      var count = lists.reduce(function (sum, list) { return sum + list.length; }, 0);
      return text + ', and ' + plural(count, 'file', 'files') + ' kept for reading offline.';
    }, function () { return text + '.'; });
  }

  function enhanceDataPage() {
    var anchor = document.getElementById('clear-my-data');
    if (!anchor) return;
    var live = status('commons-learner-data-status');
    var clear = button('Clear my data', function () {
      clearEverything().then(function () { return describeData(); }).then(function (text) {
        live.textContent = 'Cleared. ' + text;
      });
    }, 'md-button--primary commons-learner-clear');
    var next = anchor.nextElementSibling;
    while (next && next.tagName === 'P') next = next.nextElementSibling;
    anchor.parentNode.insertBefore(el('div', {'class': 'commons-learner-data'}, [clear, live]), next);
    describeData().then(function (text) { live.textContent = text; });
  }

  /* ---------- offline ---------- */

  function offline() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext || !navigator.serviceWorker) return;
    if (location.pathname.indexOf(BASE.pathname + 'admin/') === 0) return;
    var note = el('p', {'class': 'commons-learner-offline', role: 'status'});
    var content = article();
    if (content) content.appendChild(note);
    if (!navigator.onLine) note.textContent = 'You are offline. This is the copy kept on this device.';
    navigator.serviceWorker.register(new URL('sw.js', BASE).href, {scope: BASE.pathname}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var worker = registration.active;
      if (!worker) return;
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        if (event.data && event.data.kept && navigator.onLine) {
          note.textContent = 'This page is available offline on this device.';
        }
      };
      var url = new URL(location.href);
      url.hash = '';
      worker.postMessage({keep: url.href}, [channel.port2]);
    }).catch(function () { /* no worker here (a preview, or turned off): pages still load online */ });
  }

  function start() {
    enhancePathway();
    enhanceHome();
    enhanceCardPack();
    enhanceSession();
    enhanceLogPage();
    enhanceDataPage();
    offline();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
