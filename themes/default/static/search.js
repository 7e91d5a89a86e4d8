/* Gazette search page.
   Reads the index that `gazette build` writes under search/ (format: README.md, "Search index
   format", and the top of src/publish/search/mod.rs). Text is folded and cut into tokens exactly
   as the build does: lower case, marks U+0300-U+036F dropped, đ -> d; tokens are runs of letters
   and digits, digits lose leading zeros, neighbouring words separated by spaces or dashes also
   make a bigram. Only the pieces of the index a query needs are loaded, each a small script that
   hands its data to gazetteSearchData(), so the page works over HTTP and from disk alike. */
(function () {
  'use strict';

  var FORMAT = 2;
  var PAGE_SIZE = 20;
  var MAX_WORDS = 12;
  var MAX_TOKEN_CHARS = 32;
  var DEBOUNCE_MS = 200;
  var IN_NUMBER = 8;
  var IN_HEADING = 4;
  var MARKS = /[\u0300-\u036f]/g;
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var DIGITS = /^[0-9]+$/;
  var JOIN = /^[\s\-\u2013\u2014]*$/;

  var page = document.getElementById('search');
  if (!page || !window.Promise || !window.URLSearchParams) return;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var moreButton = document.getElementById('search-more');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var labels = page.dataset;
  var indexBase = new URL(labels.index, location.href);

  /* ---------- Text, as the build folds and cuts it ---------- */

  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
  }

  function stripZeros(digits) {
    return digits.replace(/^0+(?=.)/, '');
  }

  function tokenize(folded) {
    var tokens = [];
    var previousPairs = false;
    var last = 0;
    for (var match of folded.matchAll(WORD)) {
      var gap = folded.slice(last, match.index);
      var text = match[0];
      last = match.index + text.length;
      if (Array.from(text).length > MAX_TOKEN_CHARS) {
        previousPairs = false;
        continue;
      }
      var numeric = DIGITS.test(text);
      if (numeric) text = stripZeros(text);
      tokens.push({ text: text, pairs: previousPairs && !numeric && JOIN.test(gap) && gap.indexOf('\n') < 0 });
      previousPairs = !numeric;
    }
    return tokens;
  }

  /* The words and bigrams of a query, each once. */
  function parseQuery(text) {
    var tokens = tokenize(fold(text.normalize('NFC'))).slice(0, MAX_WORDS);
    var words = [];
    var bigrams = [];
    tokens.forEach(function (token, i) {
      if (words.indexOf(token.text) < 0) words.push(token.text);
      if (token.pairs && i > 0) {
        var bigram = tokens[i - 1].text + ' ' + token.text;
        if (bigrams.indexOf(bigram) < 0) bigrams.push(bigram);
      }
    });
    return { words: words, bigrams: bigrams, numeric: words.some(function (w) { return DIGITS.test(w); }) };
  }

  /* ---------- The index ---------- */

  var manifest = null;
  var cache = new Map();
  var waiting = new Map();

  /* Every file of the index calls this with its name and data. */
  window.gazetteSearchData = function (name, data) {
    var resolve = waiting.get(name);
    if (resolve) {
      waiting.delete(name);
      resolve(data);
    }
  };

  /* Loads search/NAME.js (with ?QUERY) as a script and resolves with the data it hands over. */
  function loadScript(name, query) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      var url = new URL(name + '.js', indexBase);
      url.search = query;
      waiting.set(name, resolve);
      script.src = url.href;
      script.async = true;
      script.onload = function () {
        script.remove();
        if (waiting.has(name)) {
          waiting.delete(name);
          reject(new Error(name + ': no data'));
        }
      };
      script.onerror = function () {
        script.remove();
        waiting.delete(name);
        reject(new Error(name + ': not loaded'));
      };
      document.head.appendChild(script);
    });
  }

  function loadManifest() {
    /* The manifest names the version of every other file: it is never taken from a cache. */
    return loadScript('manifest', 't=' + Date.now()).then(function (data) {
      if (data.format !== FORMAT) throw new Error('search index format ' + data.format);
      manifest = data;
    });
  }

  function fetchPiece(name) {
    if (!cache.has(name)) {
      var promise = loadScript(name, 'v=' + manifest.version);
      promise.catch(function () { cache.delete(name); });
      cache.set(name, promise);
    }
    return cache.get(name);
  }

  var encoder = new TextEncoder();

  /* The term shard of a term: 32-bit FNV-1a of its UTF-8 bytes, modulo the number of shards. */
  function shardOf(term) {
    var hash = 0x811c9dc5;
    encoder.encode(term).forEach(function (byte) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    });
    return hash & (manifest.term_shards - 1);
  }

  function postings(term) {
    return fetchPiece('terms/' + shardOf(term)).then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : [];
    });
  }

  /* Calls visit(id, weight) for every document of a postings list. */
  function eachPosting(groups, visit) {
    groups.forEach(function (group) {
      var id = 0;
      for (var i = 1; i < group.length; i++) {
        id = i === 1 ? group[1] : id + group[i];
        visit(id, group[0]);
      }
    });
  }

  function postingCount(groups) {
    return groups.reduce(function (sum, group) { return sum + group.length - 1; }, 0);
  }

  function points(weight) {
    return (weight & 3) + (weight & IN_HEADING ? 3 : 0) + (weight & IN_NUMBER ? 6 : 0);
  }

  function bitCount(bits) {
    var count = 0;
    for (; bits; bits &= bits - 1) count++;
    return count;
  }

  /* Document ids for a query and filters, best first. */
  function rank(query, filters) {
    var terms = query.words.concat(query.bigrams, filters);
    return Promise.all(terms.map(postings)).then(function (lists) {
      var allowed = null;
      lists.slice(query.words.length + query.bigrams.length).forEach(function (groups) {
        var ids = new Set();
        eachPosting(groups, function (id) { if (!allowed || allowed.has(id)) ids.add(id); });
        allowed = ids;
      });
      /* Ids number the notices oldest first: the newest is the highest. */
      if (!query.words.length) {
        return allowed ? Array.from(allowed).sort(function (a, b) { return b - a; }) : [];
      }
      var hits = new Map();
      var score = function (groups, factor, mark) {
        var idf = Math.log(1 + manifest.docs / Math.max(1, postingCount(groups)));
        eachPosting(groups, function (id, weight) {
          if (allowed && !allowed.has(id)) return;
          var hit = hits.get(id);
          if (!hit) hits.set(id, (hit = { id: id, words: 0, number: 0, bigrams: 0, score: 0 }));
          hit.score += factor * idf * points(weight);
          mark(hit, weight);
        });
      };
      query.words.forEach(function (word, i) {
        score(lists[i], 1, function (hit, weight) {
          hit.words |= 1 << i;
          if (weight & IN_NUMBER) hit.number |= 1 << i;
        });
      });
      query.bigrams.forEach(function (bigram, j) {
        score(lists[query.words.length + j], 2, function (hit) { hit.bigrams |= 1 << j; });
      });
      var allWords = (1 << query.words.length) - 1;
      var allBigrams = (1 << query.bigrams.length) - 1;
      var ranked = Array.from(hits.values());
      var most = ranked.reduce(function (best, hit) { return Math.max(best, bitCount(hit.words)); }, 0);
      ranked.forEach(function (hit) {
        hit.isNumber = query.numeric && hit.number === allWords ? 1 : 0;
        hit.isPhrase = allBigrams && hit.bigrams === allBigrams ? 1 : 0;
      });
      return ranked
        .filter(function (hit) { return hit.isNumber || bitCount(hit.words) === most; })
        .sort(function (a, b) {
          if (a.isNumber !== b.isNumber) return b.isNumber - a.isNumber;
          /* Notices of one number are listed newest first, whatever their text. */
          if (a.isNumber) return b.id - a.id;
          return b.isPhrase - a.isPhrase || b.score - a.score || b.id - a.id;
        })
        .map(function (hit) { return hit.id; });
    });
  }

  /* ---------- Results ---------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Appends text to parent with the words of the query marked, in their original letters. */
  function appendMarked(parent, text, words) {
    var last = 0;
    for (var match of text.matchAll(WORD)) {
      var folded = fold(match[0]);
      if (DIGITS.test(folded)) folded = stripZeros(folded);
      if (!words.has(folded)) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(element('mark', null, match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* The excerpt from a little before its first matched word, when that word is far in. */
  function snippet(text, words) {
    for (var match of text.matchAll(WORD)) {
      var folded = fold(match[0]);
      if (!words.has(DIGITS.test(folded) ? stripZeros(folded) : folded)) continue;
      if (match.index < 140) return text;
      var start = text.lastIndexOf(' ', match.index - 50);
      return '…' + text.slice(start + 1);
    }
    return text;
  }

  function formatDate(iso) {
    if (!iso || labels.language === 'en') return iso || '';
    var parts = iso.split('-');
    return Number(parts[2]) + '/' + Number(parts[1]) + '/' + parts[0];
  }

  function resultItem(doc, words) {
    var item = element('li', 'search-result');
    var href = labels.root + doc.url + labels.suffix;
    var number = element('a', 'number');
    number.href = href;
    appendMarked(number, doc.number || doc.title, words);
    item.appendChild(number);
    if (doc.date) item.appendChild(element('span', 'date', formatDate(doc.date)));
    var title = element('a', 'title');
    title.href = href;
    appendMarked(title, doc.title, words);
    item.appendChild(title);
    item.appendChild(element('span', 'type', doc.type));
    item.appendChild(element('span', 'issuer', doc.issuer));
    if (doc.excerpt) {
      var excerpt = element('p', 'snippet');
      appendMarked(excerpt, snippet(doc.excerpt, words), words);
      item.appendChild(excerpt);
    }
    return item;
  }

  var current = null;

  /* Shows the next page of the current results, fetching their documents. */
  function showMore(run) {
    var ids = current.ids.slice(current.shown, current.shown + PAGE_SIZE);
    var size = manifest.doc_shard_size;
    var shards = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    return Promise.all(shards.map(function (s) { return fetchPiece('docs/' + s); }))
      .then(function (loaded) {
        if (run !== generation) return;
        ids.forEach(function (id) {
          var doc = loaded[shards.indexOf(Math.floor(id / size))][id % size];
          list.appendChild(resultItem(doc, current.words));
        });
        current.shown += ids.length;
        moreButton.hidden = current.shown >= current.ids.length;
      });
  }

  /* ---------- The form and the URL ---------- */

  function activeFilters() {
    return selects.filter(function (s) { return s.value; }).map(function (s) {
      return '#' + s.name + ':' + s.value;
    });
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    selects.forEach(function (select) {
      var value = params.get(select.name) || '';
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : '';
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var search = params.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : location.pathname);
    } catch (e) {
      /* Some browsers refuse for pages opened from disk; the search still runs. */
    }
  }

  function setStatus(text, state) {
    status.textContent = text;
    page.dataset.state = state;
  }

  var generation = 0;
  var ready = null;

  function run() {
    var mine = ++generation;
    writeUrl();
    var query = parseQuery(input.value);
    var filters = activeFilters();
    list.textContent = '';
    moreButton.hidden = true;
    if (!query.words.length && !filters.length) {
      current = null;
      setStatus('', 'idle');
      return Promise.resolve();
    }
    setStatus(labels.loading, 'loading');
    ready = ready || loadManifest().catch(function (error) { ready = null; throw error; });
    return ready
      .then(function () { return rank(query, filters); })
      .then(function (ids) {
        if (mine !== generation) return;
        current = { ids: ids, shown: 0, words: new Set(query.words) };
        return showMore(mine).then(function () {
          if (mine !== generation) return;
          setStatus(ids.length ? labels.results.replace('{n}', ids.length) : labels.none, 'done');
        });
      })
      .catch(function (error) {
        if (mine !== generation) return;
        setStatus(labels.error, 'error');
        if (window.console) console.error(error);
      });
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  selects.forEach(function (select) { select.addEventListener('change', run); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  moreButton.addEventListener('click', function () {
    if (current) showMore(generation);
  });
  window.addEventListener('popstate', function () { readUrl(); run(); });

  readUrl();
  run();
})();
