/* Gazette search page.
   Reads the index that `gazette build` writes under search/ (format: README.md, "Search index
   format", and the top of src/publish/search/mod.rs). Text is folded and cut into tokens exactly
   as the build does: lower case, marks U+0300-U+036F dropped, đ -> d; tokens are runs of letters
   and digits, digits lose leading zeros, neighbouring words separated by spaces or dashes also
   make a bigram. Only the pieces of the index a query needs are loaded, each a small script that
   hands its data to gazetteSearchData(), so the page works over HTTP and from disk alike. */
(function () {
  'use strict';

  var FORMAT = 4;
  var PAGE_SIZE = 20;
  var MAX_WORDS = 12;
  var MAX_TOKEN_CHARS = 32;
  var DEBOUNCE_MS = 200;
  var IN_NUMBER = 8;
  var IN_HEADING = 4;
  var MARKS = /[\u0300-\u036f]/g;
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  /* A word as written: letters, digits and the marks of its letters. */
  var RUN = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var DIGITS = /^[0-9]+$/;
  var JOIN = /^[\s\-\u2013\u2014]*$/;
  var QUOTED = /["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?|[^"\u201c\u201d]+/g;

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

  /* The exact form of a word: lower case, tone marks after the letters, NFC ("hoà" = "hòa"). */
  function exactForm(word) {
    var letters = word.toLowerCase().normalize('NFD');
    return (letters.replace(TONES, '') + (letters.match(TONES) || []).join('')).normalize('NFC');
  }

  /* The words of a text as written, in order: {folded, exact, start, end, pairs, adjoins}.
     `folded` is the index's token; `exact` the exact form when it differs from it; `adjoins`
     whether only spaces and dashes stand between it and the word before; `pairs` whether it
     makes a bigram with it (it adjoins, and neither is all digits). The tokens are those of the
     build's fold-then-cut. */
  function words(text) {
    var found = [];
    var previousPairs = false;
    var previousKept = false;
    var last = 0;
    for (var match of text.matchAll(RUN)) {
      var run = match[0];
      var gap = text.slice(last, match.index);
      var folded = fold(run);
      var parts = folded.match(WORD) || [];
      var one = parts.length === 1 && parts[0] === folded;
      var exact = one ? exactForm(run) : null;
      last = match.index + run.length;
      parts.forEach(function (part, n) {
        if (Array.from(part).length > MAX_TOKEN_CHARS) {
          previousPairs = previousKept = false;
          return;
        }
        var numeric = DIGITS.test(part);
        var adjoins = previousKept && (n > 0 || (JOIN.test(gap) && gap.indexOf('\n') < 0));
        found.push({
          folded: numeric ? stripZeros(part) : part,
          exact: exact !== null && exact !== folded ? exact : null,
          start: match.index,
          end: last,
          pairs: adjoins && previousPairs && !numeric,
          adjoins: adjoins
        });
        previousPairs = !numeric;
        previousKept = true;
      });
    }
    return found;
  }

  /* A query: its words (each once, with the exact form typed, if any), its bigrams (pairs of
     neighbouring words; `required` for the words of a "quoted phrase"), its phrases (their
     words, and whether each adjoins the one before), and, for each phrase that its bigrams
     alone do not settle, its adjoining pairs of words and where each stands in it (`placed`:
     {term, at, bigram}, `bigram` -1 for a pair with a number). */
  function parseQuery(text) {
    var query = {
      words: [], bigrams: [], phrases: [], phraseJoins: [], placed: [],
      numeric: false, exact: 0, required: 0
    };
    var count = 0;
    for (var segment of text.normalize('NFC').matchAll(QUOTED)) {
      var quoted = segment[1] !== undefined;
      var tokens = words(quoted ? segment[1] : segment[0]).slice(0, MAX_WORDS - count);
      count += tokens.length;
      var previous = -1;
      var phrase = [];
      var joins = [];
      var placed = [];
      tokens.forEach(function (token, t) {
        var j = -1;
        var key = token.folded + '|' + (token.exact || '');
        var i = query.words.findIndex(function (w) { return w.key === key; });
        if (i < 0) {
          i = query.words.push({ key: key, folded: token.folded, exact: token.exact }) - 1;
          if (token.exact) query.exact |= 1 << i;
          if (DIGITS.test(token.folded)) query.numeric = true;
        }
        if (token.pairs && previous >= 0) {
          var term = query.words[previous].folded + ' ' + token.folded;
          j = query.bigrams.findIndex(function (b) { return b.a === previous && b.b === i; });
          if (j < 0) j = query.bigrams.push({ a: previous, b: i, term: term }) - 1;
          if (quoted) query.required |= 1 << j;
        }
        if (quoted && token.adjoins && t > 0) {
          placed.push({ term: tokens[t - 1].folded + ' ' + token.folded, at: t - 1, bigram: j });
        }
        previous = i;
        phrase.push(i);
        joins.push(token.adjoins);
      });
      if (quoted && phrase.length > 1) {
        query.phrases.push(phrase);
        query.phraseJoins.push(joins);
      }
      var bigramsOnly = placed.every(function (item) { return item.bigram >= 0; });
      if (placed.length > 1 || (placed.length && !bigramsOnly)) query.placed.push(placed);
    }
    return query;
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

  function shardFor(term) {
    return fetchPiece('terms/' + shardOf(fold(term)));
  }

  /* Where a bigram stands, from its shard's phrase file: a map from document id to its
     positions. The file's numbers are five bits a character, lowest first: one of the first
     32 characters of DIGITS_CODE ends a number, one of the last 32 is followed by more. */
  var DIGITS_CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  function placesOf(phrases, term) {
    var places = new Map();
    var code = has(phrases, term) ? phrases[term] : '';
    var numbers = [];
    var number = 0;
    var shift = 0;
    for (var c = 0; c < code.length; c++) {
      var digit = DIGITS_CODE.indexOf(code[c]);
      if (digit < 32) {
        numbers.push(number + digit * Math.pow(2, shift));
        number = 0;
        shift = 0;
      } else {
        number += (digit - 32) * Math.pow(2, shift);
        shift += 5;
      }
    }
    var doc = 0;
    for (var i = 0; i < numbers.length;) {
      doc += numbers[i];
      var count = numbers[i + 1];
      var positions = new Set();
      var position = 0;
      for (var k = 0; k < count; k++) {
        position += numbers[i + 2 + k];
        positions.add(position);
      }
      places.set(doc, positions);
      i += 2 + count;
    }
    return places;
  }

  /* Whether a document holds a phrase whole: its pairs each where they stand in the phrase,
     from one place on. `places[n]` are where the phrase's n-th pair stands. */
  function holdsWhole(phrase, places, id) {
    var first = places[0].get(id);
    if (!first) return false;
    for (var start of first) {
      var whole = phrase.every(function (item, n) {
        var at = places[n].get(id);
        return at && at.has(start - phrase[0].at + item.at);
      });
      if (whole) return true;
    }
    return false;
  }

  function has(shard, term) {
    return Object.prototype.hasOwnProperty.call(shard, term);
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

  /* The documents holding a word in the exact form typed: its postings, "=" (those of the
     folded form) or {"not": ids} (those of the folded form but these). */
  function exactIds(shard, word) {
    var ids = new Set();
    var entry = has(shard, word.exact) ? shard[word.exact] : [];
    var folded = has(shard, word.folded) ? shard[word.folded] : [];
    if (entry === '=' || (entry && entry.not)) {
      var not = new Set();
      var id = 0;
      (entry.not || []).forEach(function (delta, i) { id = i ? id + delta : delta; not.add(id); });
      eachPosting(folded, function (doc) { if (!not.has(doc)) ids.add(doc); });
    } else {
      eachPosting(entry, function (doc) { ids.add(doc); });
    }
    return ids;
  }

  function points(weight) {
    return (weight & 3) + (weight & IN_HEADING ? 3 : 0) + (weight & IN_NUMBER ? 6 : 0);
  }

  function bitCount(bits) {
    var count = 0;
    for (; bits; bits &= bits - 1) count++;
    return count;
  }

  /* The documents for a query and filters, best first, in groups: `match` (every word, in the
     exact form typed, and every quoted phrase), `twins` (every word, some only without the
     diacritics typed), and, only when there are neither, `closest` (the most of the words and
     phrases). Each is {id, group, hit}. */
  function rank(query, filters) {
    var terms = query.words.map(function (w) { return w.folded; })
      .concat(query.bigrams.map(function (b) { return b.term; }), filters);
    /* Phrases of three words or more, or with a number, are checked against where their
       pairs of words stand. */
    var placedTerms = [];
    query.placed.forEach(function (phrase) {
      phrase.forEach(function (item) { placedTerms.push(item.term); });
    });
    var phraseFiles = placedTerms.map(function (term) { return fetchPiece('phrases/' + shardOf(term)); });
    return Promise.all(terms.map(shardFor).concat(phraseFiles)).then(function (loaded) {
      var shards = loaded.slice(0, terms.length);
      var placesByTerm = new Map();
      placedTerms.forEach(function (term, n) {
        if (!placesByTerm.has(term)) placesByTerm.set(term, placesOf(loaded[terms.length + n], term));
      });
      var lists = terms.map(function (term, i) { return has(shards[i], term) ? shards[i][term] : []; });
      var allowed = null;
      lists.slice(query.words.length + query.bigrams.length).forEach(function (groups) {
        var ids = new Set();
        eachPosting(groups, function (id) { if (!allowed || allowed.has(id)) ids.add(id); });
        allowed = ids;
      });
      /* Ids number the notices oldest first: the newest is the highest. */
      if (!query.words.length) {
        var all = allowed ? Array.from(allowed).sort(function (a, b) { return b - a; }) : [];
        return { entries: all.map(function (id) { return { id: id, group: 'match', hit: null }; }), matches: all.length };
      }
      var hits = new Map();
      var score = function (groups, factor, mark) {
        var idf = Math.log(1 + manifest.docs / Math.max(1, postingCount(groups)));
        eachPosting(groups, function (id, weight) {
          if (allowed && !allowed.has(id)) return;
          var hit = hits.get(id);
          if (!hit) hits.set(id, (hit = { id: id, words: 0, exact: 0, number: 0, bigrams: 0, score: 0 }));
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
      query.words.forEach(function (word, i) {
        if (!word.exact) return;
        exactIds(shards[i], word).forEach(function (id) {
          var hit = hits.get(id);
          if (hit) hit.exact |= 1 << i;
        });
      });
      /* A notice holding a phrase's words apart does not hold the phrase. */
      query.placed.forEach(function (phrase) {
        var places = phrase.map(function (item) { return placesByTerm.get(item.term); });
        var mask = phrase.reduce(function (bits, item) { return item.bigram < 0 ? bits : bits | (1 << item.bigram); }, 0);
        hits.forEach(function (hit) {
          if (hit.apart || (hit.bigrams & mask) !== mask || holdsWhole(phrase, places, hit.id)) return;
          hit.bigrams &= ~mask;
          hit.apart = true;
        });
      });
      var allWords = (1 << query.words.length) - 1;
      var allBigrams = (1 << query.bigrams.length) - 1;
      var groups = { match: [], twins: [], closest: [] };
      hits.forEach(function (hit) {
        hit.isNumber = query.numeric && hit.number === allWords ? 1 : 0;
        hit.isPhrase = allBigrams && hit.bigrams === allBigrams ? 1 : 0;
        hit.exactCount = bitCount(hit.exact & query.exact);
        hit.pairs = bitCount(hit.bigrams);
        hit.held = bitCount(hit.words) + bitCount(hit.bigrams & query.required);
        if (hit.words !== allWords || (hit.bigrams & query.required) !== query.required || hit.apart) {
          groups.closest.push(hit);
        } else if ((hit.exact & query.exact) !== query.exact) {
          groups.twins.push(hit);
        } else {
          groups.match.push(hit);
        }
      });
      if (groups.match.length || groups.twins.length) {
        groups.closest = [];
      } else {
        var most = groups.closest.reduce(function (best, hit) { return Math.max(best, hit.held); }, 0);
        groups.closest = groups.closest.filter(function (hit) { return hit.held === most; });
      }
      var order = function (a, b) {
        if (a.isNumber !== b.isNumber) return b.isNumber - a.isNumber;
        /* Notices of one number are listed newest first, whatever their text. */
        if (a.isNumber) return b.id - a.id;
        return b.exactCount - a.exactCount || b.isPhrase - a.isPhrase || b.pairs - a.pairs ||
          b.score - a.score || b.id - a.id;
      };
      var entries = [];
      ['match', 'twins', 'closest'].forEach(function (group) {
        groups[group].sort(order).forEach(function (hit) { entries.push({ id: hit.id, group: group, hit: hit }); });
      });
      return { entries: entries, matches: groups.match.length, twins: groups.twins.length, closest: groups.closest.length };
    });
  }

  /* ---------- Results ---------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* What to mark in the texts of one result: the words of the query that the notice matched,
     in the exact form typed where it holds that form; a word of a phrase (or of a pair of
     neighbouring query words) the notice holds only where it stands in that phrase. Returns
     the spans of a text to mark, neighbouring words of one phrase as one span. */
  function marker(query, hit) {
    if (!hit) return function () { return []; };
    /* Pairs of neighbouring query words the notice holds; a quoted phrase it holds is marked
       only where it stands whole. */
    var held = query.bigrams.filter(function (b, j) { return hit.bigrams & ~query.required & (1 << j); });
    var phrases = (hit.bigrams & query.required) === query.required && !hit.apart ? query.phrases : [];
    var bound = 0;
    held.forEach(function (b) { bound |= (1 << b.a) | (1 << b.b); });
    phrases.forEach(function (phrase) { phrase.forEach(function (i) { bound |= 1 << i; }); });
    var exactOnly = hit.exact & query.exact;
    var matches = function (token) {
      var found = 0;
      query.words.forEach(function (word, i) {
        if (token.folded !== word.folded) return;
        if (exactOnly & (1 << i) && token.exact !== word.exact) return;
        found |= 1 << i;
      });
      return found;
    };
    return function (text) {
      var tokens = words(text);
      var found = tokens.map(matches);
      var marked = found.map(function (bits) { return (bits & ~bound) !== 0; });
      var joined = tokens.map(function () { return false; });
      tokens.forEach(function (token, t) {
        if (t && token.pairs) {
          held.forEach(function (b) {
            if (found[t - 1] & (1 << b.a) && found[t] & (1 << b.b)) {
              marked[t - 1] = marked[t] = joined[t] = true;
            }
          });
        }
        phrases.forEach(function (phrase, p) {
          var joins = query.phraseJoins[p];
          var whole = phrase.every(function (i, n) {
            var at = tokens[t + n];
            return at && found[t + n] & (1 << i) && (n === 0 || !joins[n] || at.adjoins);
          });
          if (!whole) return;
          phrase.forEach(function (i, n) {
            marked[t + n] = true;
            if (n) joined[t + n] = true;
          });
        });
      });
      var spans = [];
      tokens.forEach(function (token, t) {
        if (!marked[t]) return;
        var previous = spans[spans.length - 1];
        if (joined[t] && previous && previous.end <= token.start) previous.end = token.end;
        else if (!previous || previous.end <= token.start) spans.push({ start: token.start, end: token.end });
      });
      return spans;
    };
  }

  /* Appends text to parent with the spans marked, in their original letters. */
  function appendMarked(parent, text, marks) {
    var last = 0;
    marks(text).forEach(function (span) {
      if (span.start > last) parent.appendChild(document.createTextNode(text.slice(last, span.start)));
      parent.appendChild(element('mark', null, text.slice(span.start, span.end)));
      last = span.end;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* The excerpt from a little before its first marked word, when that word is far in. */
  function snippet(text, marks) {
    var first = marks(text)[0];
    if (!first || first.start < 140) return text;
    var start = text.lastIndexOf(' ', first.start - 50);
    return '…' + text.slice(start + 1);
  }

  // A count as the archive's language writes it: 1.993 in Vietnamese, 1,993 in English.
  function count(n) {
    var separator = labels.language === 'en' ? ',' : '.';
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  function formatDate(iso) {
    if (!iso || labels.language === 'en') return iso || '';
    var parts = iso.split('-');
    return Number(parts[2]) + '/' + Number(parts[1]) + '/' + parts[0];
  }

  function resultItem(doc, marks, group) {
    var item = element('li', 'search-result');
    item.dataset.group = group;
    var href = labels.root + doc.url + labels.suffix;
    var number = element('a', 'number');
    number.href = href;
    appendMarked(number, doc.number || doc.title, marks);
    item.appendChild(number);
    if (doc.date) item.appendChild(element('span', 'date', formatDate(doc.date)));
    var title = element('a', 'title');
    title.href = href;
    appendMarked(title, doc.title, marks);
    item.appendChild(title);
    item.appendChild(element('span', 'type', doc.type));
    item.appendChild(element('span', 'issuer', doc.issuer));
    if (doc.excerpt) {
      var excerpt = element('p', 'snippet');
      appendMarked(excerpt, snippet(doc.excerpt, marks), marks);
      item.appendChild(excerpt);
    }
    return item;
  }

  var current = null;

  /* The heading of a group of results that are not matches. */
  function groupHeading(group) {
    var heading = element('li', 'search-group', group === 'twins' ? labels.twinsHeading : labels.closestHeading);
    heading.dataset.group = group;
    return heading;
  }

  /* Shows the next page of the current results, fetching their documents. */
  function showMore(run) {
    var entries = current.entries.slice(current.shown, current.shown + PAGE_SIZE);
    var ids = entries.map(function (entry) { return entry.id; });
    var size = manifest.doc_shard_size;
    var shards = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    return Promise.all(shards.map(function (s) { return fetchPiece('docs/' + s); }))
      .then(function (loaded) {
        if (run !== generation) return;
        entries.forEach(function (entry, n) {
          var doc = loaded[shards.indexOf(Math.floor(entry.id / size))][entry.id % size];
          var before = current.entries[current.shown + n - 1];
          if (entry.group !== 'match' && (!before || before.group !== entry.group)) {
            list.appendChild(groupHeading(entry.group));
          }
          list.appendChild(resultItem(doc, marker(current.query, entry.hit), entry.group));
        });
        current.shown += entries.length;
        moreButton.hidden = current.shown >= current.entries.length;
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

  /* The count of real matches, and what the other results are. */
  function statusText(ranked) {
    var parts = [];
    if (ranked.matches) parts.push(labels.results.replace('{n}', count(ranked.matches)));
    else if (ranked.twins) parts.push(labels.noExact);
    else if (ranked.closest) parts.push(labels.noAll);
    else parts.push(labels.none);
    if (ranked.twins) parts.push(labels.twins.replace('{n}', count(ranked.twins)));
    return parts.join(' ');
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
      .then(function (ranked) {
        if (mine !== generation) return;
        current = { entries: ranked.entries, shown: 0, query: query };
        return showMore(mine).then(function () {
          if (mine !== generation) return;
          setStatus(statusText(ranked), 'done');
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
