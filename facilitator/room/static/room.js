// The room's phone page. Plain script, no build step, no library. Every text from the server is
// put on the page with textContent (never parsed as HTML), and the Content-Security-Policy allows
// only this file to run. The server pushes a small "state" after each change (server-sent events, or
// polling where a browser cannot keep a stream open); the board is fetched only when it changed.
(function () {
  "use strict";

  var POLL_MS = 4000;
  var NOTE_FIELDS = ["summary", "disagreements", "questions"];
  var NOTE_NAMES = { summary: "the summary", disagreements: "the disagreements", questions: "the questions" };

  var me = null;
  var board = null;
  var categories = {};
  var notesBase = null;
  var notesDirty = false;
  var source = null;
  var pollTimer = null;
  var loading = false;
  var loadAgain = false;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function say(id, text, kind) {
    var node = $(id);
    node.textContent = text || "";
    node.className = "message" + (kind ? " " + kind : "");
  }

  function status(text) { $("status").textContent = text || ""; }

  function api(method, path, body) {
    var options = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-Room"] = "1";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, ok: response.ok, data: data || {} };
      });
    }, function () {
      return { status: 0, ok: false, data: { error: "No connection to the laptop. Check the Wi-Fi and try again." } };
    });
  }

  function show(section) {
    ["join", "room", "closed"].forEach(function (id) { $(id).hidden = id !== section; });
    $("leave").hidden = section !== "room";
  }

  // Joining ------------------------------------------------------------------------------------

  function showJoin(message) {
    stopListening();
    me = null;
    $("group-name").textContent = "Workshop room";
    $("board-title").textContent = "";
    $("dots").hidden = true;
    show("join");
    say("join-message", message || "", message ? "error" : "");
  }

  $("join-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = $("join-code").value.trim();
    if (!code) return;
    say("join-message", "Joining…");
    api("POST", "/api/join", { code: code }).then(function (answer) {
      if (answer.ok) {
        $("join-code").value = "";
        enter(answer.data);
      } else {
        say("join-message", answer.data.error || "That did not work. Try again.", "error");
      }
    });
  });

  $("leave").addEventListener("click", function () {
    if (!window.confirm("Leave this group on this phone? You can join again with a code.")) return;
    api("POST", "/api/leave", {}).then(function () { showJoin(""); });
  });

  function enter(state) {
    me = state;
    show("room");
    $("notes").hidden = !me.rapporteur;
    renderMe();
    loadBoard();
    if (me.rapporteur) loadNotes();
    listen();
  }

  // Staying up to date -------------------------------------------------------------------------

  function onState(state) {
    var moved = !me || state.version !== me.version;
    me = state;
    renderMe();
    status("");
    if (moved) {
      loadBoard();
      if (me.rapporteur && !notesDirty) loadNotes();
    }
  }

  function listen() {
    stopListening();
    if (!window.EventSource) { poll(); return; }
    var opened = false;
    var failures = 0;
    source = new EventSource("/api/events");
    source.addEventListener("open", function () { opened = true; failures = 0; });
    source.addEventListener("state", function (event) { onState(JSON.parse(event.data)); });
    source.addEventListener("signed-out", function () {
      showJoin("This phone was signed out of the room. Scan your group's code to join again.");
    });
    source.addEventListener("closed", function () { stopListening(); show("closed"); });
    source.addEventListener("error", function () {
      failures += 1;
      status("Reconnecting to the laptop…");
      // A browser or network that cannot keep a stream open gets the same news by polling.
      if (!opened && failures >= 3) { stopListening(); poll(); }
    });
  }

  function poll() {
    api("GET", "/api/me").then(function (answer) {
      if (answer.status === 401) { showJoin("This phone is not in the room any more. Join again."); return; }
      if (answer.ok) onState(answer.data);
      else status(answer.data.error || "Reconnecting to the laptop…");
      pollTimer = window.setTimeout(poll, POLL_MS);
    });
  }

  function stopListening() {
    if (source) { source.close(); source = null; }
    if (pollTimer) { window.clearTimeout(pollTimer); pollTimer = null; }
  }

  function loadBoard() {
    if (loading) { loadAgain = true; return; }
    loading = true;
    api("GET", "/api/board").then(function (answer) {
      loading = false;
      if (answer.ok) { board = answer.data; renderBoard(); }
      else if (answer.status === 401) showJoin("This phone is not in the room any more. Join again.");
      else status(answer.data.error || "");
      if (loadAgain) { loadAgain = false; loadBoard(); }
    });
  }

  // Drawing ------------------------------------------------------------------------------------

  function renderMe() {
    $("group-name").textContent = me.group + (me.rapporteur ? " · rapporteur" : "");
    var dots = $("dots");
    dots.hidden = false;
    dots.textContent = me.dots_left === 1 ? "1 dot left to vote with" : me.dots_left + " dots left to vote with";
  }

  function renderCategories() {
    var select = $("card-category");
    var chosen = select.value;
    var keys = board.categories.map(function (c) { return c.key; }).join("|");
    if (select.getAttribute("data-keys") !== keys) {
      while (select.options.length > 1) select.remove(1);
      categories = {};
      board.categories.forEach(function (c) {
        categories[c.key] = c;
        var option = el("option", "", c.label + (c.core ? " (core indicator)" : ""));
        option.value = c.key;
        select.appendChild(option);
      });
      select.setAttribute("data-keys", keys);
      select.value = categories[chosen] ? chosen : "";
    }
    showCategoryHint();
  }

  function showCategoryHint() {
    var category = categories[$("card-category").value];
    $("category-hint").textContent = category ? category.description : "";
  }
  $("card-category").addEventListener("change", showCategoryHint);

  function renderBoard() {
    $("board-title").textContent = board.board.title + (board.board.locked ? " · locked" : "");
    $("card-submit").disabled = board.board.locked;
    renderCategories();
    var ours = board.cards.filter(function (c) { return c.ours; }).reverse();
    var others = board.cards.filter(function (c) { return !c.ours; });
    fill("ours", ours);
    fill("others", others);
    $("ours-empty").hidden = ours.length > 0;
    $("others-empty").hidden = others.length > 0;
  }

  function fill(id, cards) {
    var list = $(id);
    var items = cards.map(cardItem);
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) { list.appendChild(item); });
  }

  function cardItem(card) {
    var item = el("li", "card" + (card.revealed ? "" : " held"));
    var category = categories[card.category];
    item.appendChild(el("p", "category", category ? category.label : "Not yet sorted"));
    var text = el("p", "text", card.text);
    text.dir = "auto";
    item.appendChild(text);
    card.merged.forEach(function (merged) { item.appendChild(el("p", "detail", "+ " + merged)); });
    if (card.evidence) item.appendChild(el("p", "detail", "Evidence: " + card.evidence));
    if (card.refer_to) item.appendChild(el("p", "detail", "Refer to: " + card.refer_to));
    if (!card.revealed) {
      item.appendChild(el("span", "badge", "Not on the screen yet: the facilitator shows it when ready"));
      return item;
    }
    var row = el("div", "votes");
    var mine = (me && me.my_dots[String(card.id)]) || 0;
    var words = card.votes === 1 ? "1 dot" : card.votes + " dots";
    if (card.our_dots) words += " · " + card.our_dots + " from us";
    row.appendChild(el("span", "count", words));
    var locked = board.board.locked;
    var remove = el("button", "remove", "−");
    remove.type = "button";
    remove.setAttribute("aria-label", "Take back a dot");
    remove.disabled = locked || mine === 0;
    remove.addEventListener("click", function () { vote(card.id, false); });
    var add = el("button", "", "+ dot");
    add.type = "button";
    add.setAttribute("aria-label", "Place a dot on this card");
    add.disabled = locked || !me || me.dots_left === 0;
    add.addEventListener("click", function () { vote(card.id, true); });
    row.appendChild(remove);
    row.appendChild(add);
    item.appendChild(row);
    return item;
  }

  // Writing ------------------------------------------------------------------------------------

  $("card-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = $("card-text").value;
    if (!text.trim()) { say("card-message", "Write the red flag first.", "error"); return; }
    var button = $("card-submit");
    button.disabled = true;
    say("card-message", "Sending…");
    api("POST", "/api/cards", {
      text: text,
      category: $("card-category").value,
      evidence: $("card-evidence").value,
      refer_to: $("card-refer").value
    }).then(function (answer) {
      button.disabled = false;
      if (answer.ok) {
        $("card-text").value = "";
        $("card-evidence").value = "";
        $("card-refer").value = "";
        $("card-details").open = false;
        var held = board && board.board.hidden;
        say("card-message", held ? "Saved. It shows on the screen once the facilitator reveals it." : "Saved.", "ok");
        loadBoard();
      } else {
        say("card-message", answer.data.error || "Not saved. Try again.", "error");
      }
    });
  });

  function vote(cardId, add) {
    api("POST", "/api/votes", { card: cardId, add: add }).then(function (answer) {
      if (answer.ok) { onState(answer.data); status(add ? "Dot placed." : "Dot taken back."); }
      else status(answer.data.error || "The vote did not go through.");
    });
  }

  // Rapporteur's notes -------------------------------------------------------------------------

  function loadNotes() {
    api("GET", "/api/notes").then(function (answer) {
      if (!answer.ok || notesDirty) return;
      notesBase = answer.data.notes;
      NOTE_FIELDS.forEach(function (name) {
        $("notes-" + name).value = notesBase[name];
        $("notes-" + name + "-theirs").hidden = true;
      });
    });
  }

  NOTE_FIELDS.forEach(function (name) {
    $("notes-" + name).addEventListener("input", function () { notesDirty = true; });
  });

  $("notes-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var notes = {};
    NOTE_FIELDS.forEach(function (name) { notes[name] = $("notes-" + name).value; });
    say("notes-message", "Saving…");
    api("POST", "/api/notes", { base: notesBase || {}, notes: notes }).then(function (answer) {
      if (answer.ok) {
        notesBase = answer.data.notes;
        notesDirty = false;
        NOTE_FIELDS.forEach(function (name) { $("notes-" + name + "-theirs").hidden = true; });
        say("notes-message", "Notes saved.", "ok");
      } else if (answer.status === 409 && answer.data.notes) {
        // Someone else changed the same box: show their text under ours, and save over it only
        // when the rapporteur saves again, having seen it.
        notesBase = answer.data.notes;
        (answer.data.conflict || []).forEach(function (name) {
          var theirs = $("notes-" + name + "-theirs");
          theirs.textContent = "Saved meanwhile by someone else: " + answer.data.notes[name];
          theirs.hidden = false;
        });
        var names = (answer.data.conflict || []).map(function (n) { return NOTE_NAMES[n]; }).join(", ");
        say("notes-message", "Not saved: someone else changed " + names + " while you were writing. " +
          "Their text is under yours; combine them, then save again.", "error");
      } else {
        say("notes-message", answer.data.error || "Not saved. Try again.", "error");
      }
    });
  });

  // Start --------------------------------------------------------------------------------------

  function start() {
    var expired = window.location.hash === "#expired";
    if (window.location.pathname !== "/" || window.location.hash) {
      // The join link carries the group's token: keep it out of the address bar and history.
      window.history.replaceState(null, "", "/");
    }
    api("GET", "/api/me").then(function (answer) {
      if (answer.ok) enter(answer.data);
      else if (answer.status === 401) {
        showJoin(expired ? "That link no longer works. Type the code shown under your group's QR code." : "");
      } else status(answer.data.error || "No connection to the laptop.");
    });
  }

  start();
})();
