/// The chat widget a site embeds with one script tag, and a sample page that embeds it.
///
/// The script is hand-written JavaScript with no dependencies and no build step, kept here so the product stays one
/// binary. A site embeds it with
/// `<script src="https://support.example.com/chat/widget.js" data-language="ar" async></script>`; it talks JSON
/// frames to `/chat/ws` on the same origin it was loaded from.
enum ChatWidget {
    /// The widget's JavaScript, served at GET /chat/widget.js.
    static let script: String = #"""
    /* Raaya live chat widget (Apache-2.0).
       Embed: <script src="https://support.example.com/chat/widget.js" data-language="ar" async></script>
       No dependencies. Everything lives in a Shadow DOM so the host page's CSS can't reach in, and all styles use
       logical properties so right-to-left needs no second stylesheet. Server and visitor text is only ever set
       through textContent. The one global is window.RaayaChat = {open(), close()}. */
    (function () {
      'use strict';

      // A page that includes the script twice gets one widget: the first copy has already claimed the global.
      if (window.RaayaChat) return;

      const TOKEN_KEY = 'raaya-chat-token';
      const SEEN_KEY = 'raaya-chat-seen';     // highest message id shown with the panel open, for the unread badge
      const PING_MS = 25000;
      const TYPING_RESEND_MS = 3000;
      const TYPING_IDLE_MS = 4000;
      const TYPING_SHOW_MS = 6000;
      const RETRY_MIN_MS = 1000;
      const RETRY_MAX_MS = 30000;

      const STRINGS = {
        ar: {
          title: 'تحدث معنا',
          open: 'فتح المحادثة',
          openUnread: 'فتح المحادثة — رسائل جديدة: {count}',
          close: 'إغلاق المحادثة',
          transcript: 'سجل المحادثة',
          connecting: 'جارٍ الاتصال…',
          reconnecting: 'جارٍ إعادة الاتصال…',
          closed: 'نحن خارج ساعات العمل الآن.',
          closedUntil: 'نحن خارج ساعات العمل الآن. نعود {time}',
          noAgents: 'لا يوجد موظف متاح الآن',
          leaveMessage: 'اترك رسالتك وبريدك الإلكتروني وسنرد عليك بالبريد',
          followUp: 'اختياري — حتى نتمكن من متابعتك',
          name: 'الاسم (اختياري)',
          emailOptional: 'البريد الإلكتروني (اختياري)',
          emailRequired: 'البريد الإلكتروني (مطلوب)',
          emailMissing: 'نحتاج بريدك الإلكتروني لنرد عليك',
          emailInvalid: 'أدخل بريداً إلكترونياً صحيحاً',
          message: 'رسالتك',
          placeholder: 'اكتب رسالتك…',
          send: 'إرسال',
          sending: 'جارٍ الإرسال…',
          notSent: 'لم تُرسل — انقطع الاتصال',
          refused: 'تعذّر إرسال الرسالة',
          retry: 'إعادة الإرسال',
          typing: '{name} يكتب…',
          typingAnonymous: 'الموظف يكتب…',
          rate: 'قيّم المحادثة',
          agent: 'فريق الدعم',
          thanks: 'شكراً، سنرد عليك على {email}',
          manyUnread: '+{count}'
        },
        en: {
          title: 'Chat with us',
          open: 'Open chat',
          openUnread: 'Open chat — new messages: {count}',
          close: 'Close chat',
          transcript: 'Conversation',
          connecting: 'Connecting…',
          reconnecting: 'Reconnecting…',
          closed: "We're closed now.",
          closedUntil: "We're closed now. We're back {time}",
          noAgents: 'No one is available right now',
          leaveMessage: "Leave your message and email and we'll answer by email",
          followUp: 'Optional — so we can follow up',
          name: 'Name (optional)',
          emailOptional: 'Email (optional)',
          emailRequired: 'Email (required)',
          emailMissing: 'We need your email to answer you',
          emailInvalid: 'Enter a valid email address',
          message: 'Your message',
          placeholder: 'Type your message…',
          send: 'Send',
          sending: 'sending…',
          notSent: 'Not sent — the connection dropped',
          refused: 'The message could not be sent',
          retry: 'Retry',
          typing: '{name} is typing…',
          typingAnonymous: 'An agent is typing…',
          rate: 'Rate this conversation',
          agent: 'Support',
          thanks: "Thank you — we'll answer at {email}",
          manyUnread: '{count}+'
        }
      };

      const CSS = `
    :host { all: initial; }
    .root {
      --accent: var(--raaya-chat-accent, #0b6e4f);
      --on-accent: #fff; --ink: #1d2433; --muted: #5f6b7a; --line: #e1e5ec;
      --surface: #fff; --tint: #f4f6f9; --danger: #b42318;
      font-family: system-ui, -apple-system, "Segoe UI", Tahoma, "Noto Sans Arabic", "Noto Sans", Arial, sans-serif;
      font-size: 15px; line-height: 1.5; color: var(--ink);
    }
    *, *::before, *::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
    button, input, textarea { font: inherit; color: inherit; margin: 0; }
    button { cursor: pointer; }
    button:disabled { cursor: not-allowed; opacity: .55; }
    :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    .launcher {
      position: fixed; z-index: 2147483000; inset-block-end: calc(20px + env(safe-area-inset-bottom, 0px)); inset-inline-end: 20px;
      inline-size: 60px; block-size: 60px; padding: 0; border: 0; border-radius: 50%;
      display: grid; place-items: center; background: var(--accent); color: var(--on-accent);
      box-shadow: 0 6px 20px rgba(0, 0, 0, .25);
    }
    .launcher svg { inline-size: 28px; block-size: 28px; }
    .root[dir="rtl"] .launcher svg { transform: scaleX(-1); }
    .badge {
      position: absolute; inset-block-start: -4px; inset-inline-end: -4px; min-inline-size: 22px; block-size: 22px;
      padding-inline: 6px; border-radius: 11px; background: var(--danger); color: #fff;
      font-size: 12px; font-weight: 700; line-height: 22px; text-align: center;
    }
    .panel {
      position: fixed; z-index: 2147483001; inset-block-end: calc(92px + env(safe-area-inset-bottom, 0px)); inset-inline-end: 20px;
      inline-size: 360px; max-inline-size: calc(100vw - 40px); block-size: 520px;
      max-block-size: calc(100vh - 112px); max-block-size: calc(100dvh - 112px);
      display: flex; flex-direction: column; overflow: hidden;
      background: var(--surface); border-radius: 16px; box-shadow: 0 12px 40px rgba(0, 0, 0, .25);
    }
    .header { display: flex; align-items: center; gap: 8px; padding-block: 6px; padding-inline: 16px 6px; background: var(--accent); color: var(--on-accent); }
    .title { flex: 1; margin: 0; font-size: 17px; font-weight: 600; text-align: start; }
    .close { inline-size: 44px; block-size: 44px; padding: 0; border: 0; border-radius: 50%; display: grid; place-items: center; background: transparent; }
    .close:hover { background: rgba(255, 255, 255, .15); }
    .close svg { inline-size: 22px; block-size: 22px; }
    .status { padding-block: 8px; padding-inline: 16px; background: #fff8e6; color: #6b4e00; font-size: 13px; text-align: start; border-block-end: 1px solid var(--line); }
    .status:empty { display: none; }
    .log { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: var(--tint); }
    .msg { display: flex; flex-direction: column; max-inline-size: 85%; }
    .msg.visitor { align-self: flex-end; align-items: flex-end; }
    .msg.agent { align-self: flex-start; align-items: flex-start; }
    .msg.system { align-self: center; align-items: center; max-inline-size: 92%; }
    .name { font-size: 12px; color: var(--muted); padding-inline: 4px; margin-block-end: 2px; }
    .bubble { white-space: pre-wrap; overflow-wrap: anywhere; text-align: start; padding-block: 8px; padding-inline: 12px; border-radius: 16px; }
    .visitor .bubble { background: var(--accent); color: var(--on-accent); border-end-end-radius: 4px; }
    .agent .bubble { background: var(--surface); border: 1px solid var(--line); border-end-start-radius: 4px; }
    .bubble a.rate { display: inline-block; margin-block-start: 6px; padding-block: 6px; padding-inline: 12px; border-radius: 16px; background: var(--accent); color: var(--on-accent); text-decoration: none; }
    .system .bubble { padding-block: 2px; color: var(--muted); font-size: 13px; text-align: center; }
    .pending .bubble { opacity: .7; }
    .failed .bubble { background: #fdecec; color: var(--danger); border: 1px solid #f3b8b8; }
    .meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding-inline: 4px; margin-block-start: 2px; font-size: 11px; color: var(--muted); }
    .meta :empty { display: none; }
    .failed .state { color: var(--danger); }
    .retry { min-block-size: 44px; padding-inline: 14px; border: 1px solid currentColor; border-radius: 22px; background: var(--surface); color: var(--danger); font-size: 13px; }
    .typing { padding-block: 4px; padding-inline: 16px; font-size: 12px; color: var(--muted); text-align: start; }
    .composer { display: flex; flex-direction: column; gap: 8px; padding: 10px; border-block-start: 1px solid var(--line); background: var(--surface); }
    .identity, .field { display: flex; flex-direction: column; gap: 4px; }
    .note { margin: 0; font-size: 13px; color: var(--muted); text-align: start; }
    .label { font-size: 12px; color: var(--muted); text-align: start; }
    input, textarea {
      inline-size: 100%; min-block-size: 44px; padding-block: 8px; padding-inline: 12px;
      font-size: 16px; text-align: start; background: #fff; border: 1px solid #c6ced9; border-radius: 10px;
    }
    [aria-invalid="true"] { border-color: var(--danger); }
    .row { display: flex; align-items: flex-end; gap: 8px; }
    textarea { flex: 1; resize: none; max-block-size: 120px; line-height: 1.4; }
    .send { min-block-size: 44px; min-inline-size: 64px; padding-inline: 14px; border: 0; border-radius: 10px; background: var(--accent); color: var(--on-accent); font-weight: 600; }
    .error { font-size: 12px; color: var(--danger); text-align: start; }
    .error:empty { display: none; }
    @media (max-width: 480px) {
      .panel {
        inset: 0; inline-size: 100%; max-inline-size: none; border-radius: 0;
        block-size: 100vh; block-size: 100dvh; max-block-size: none;
      }
      .is-open .launcher { display: none; }
    }
    @media (prefers-reduced-motion: no-preference) {
      .panel { animation: raaya-in .16s ease-out; }
      @keyframes raaya-in { from { opacity: 0; transform: translateY(8px); } }
    }
    `;

      // ---------------------------------------------------------------- where we come from, who we talk to

      // document.currentScript is null when the script runs async or from a callback, so also look the tag up.
      const scriptTag = document.currentScript || document.querySelector('script[src*="/chat/widget.js"]');
      const origin = serverOrigin(scriptTag);
      const lang = pickLanguage(scriptTag);
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const reopenFormat = new Intl.DateTimeFormat(lang, { weekday: 'long', hour: '2-digit', minute: '2-digit' });
      const numberFormat = new Intl.NumberFormat(lang);

      function serverOrigin(tag) {
        try {
          return new URL(tag.src, location.href).origin;
        } catch (e) {
          return location.origin;   // no tag found (inlined copy): assume the page and the server share an origin
        }
      }

      function pickLanguage(tag) {
        const wanted = (tag && tag.getAttribute('data-language')) || document.documentElement.lang || navigator.language || '';
        return /^ar(?:[-_]|$)/i.test(wanted.trim()) ? 'ar' : 'en';
      }

      function t(key, vars) {
        const template = STRINGS[lang][key];
        if (!vars) return template;
        return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
      }

      // Names and addresses go inside a bidi isolate so an English name doesn't scramble an Arabic sentence.
      function isolate(value) {
        return '\u2068' + value + '\u2069';
      }

      // localStorage throws in some privacy modes and sandboxed frames; memory keeps this page view working.
      const memory = new Map();
      const store = {
        get(key) {
          if (memory.has(key)) return memory.get(key);
          try { return window.localStorage.getItem(key); } catch (e) { return null; }
        },
        set(key, value) {
          memory.set(key, value);
          try { window.localStorage.setItem(key, value); } catch (e) { /* memory only */ }
        }
      };

      // ---------------------------------------------------------------- state

      const state = {
        mounted: false, open: false, openWhenMounted: false, disabled: false,
        wanted: false,            // a connection was asked for; from then on it is kept alive
        socket: null, ready: false, everReady: false,
        retryDelay: RETRY_MIN_MS, retryTimer: 0, pingTimer: 0,
        mode: null,               // 'available' | 'unavailable', from the server
        reason: null, nextOpen: null,
        identityRequested: false, // the server refused the name or email, so the fields come back
        counter: 0,
        pending: new Map(),       // client_id -> outgoing message not yet acknowledged
        byId: new Map(),          // server message id -> its element
        maxId: 0,
        seen: readSeen(),
        unread: 0,
        agentTypingTimer: 0,
        visitorTyping: false, lastTypingSent: 0, typingIdleTimer: 0
      };
      const ui = {};

      function readSeen() {
        const raw = store.get(SEEN_KEY);
        return raw === null ? null : Number(raw) || 0;
      }

      // ---------------------------------------------------------------- DOM helpers

      function h(tag, props, children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
          if (key === 'class') node.className = value;
          else if (key === 'text') node.textContent = value;
          else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
          else node.setAttribute(key, value);
        }
        for (const child of children || []) node.append(child);
        return node;
      }

      function icon(pathData, stroked) {
        const ns = 'http://www.w3.org/2000/svg';
        const svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('focusable', 'false');
        const path = document.createElementNS(ns, 'path');
        path.setAttribute('d', pathData);
        path.setAttribute('fill', stroked ? 'none' : 'currentColor');
        if (stroked) {
          path.setAttribute('stroke', 'currentColor');
          path.setAttribute('stroke-width', '2.2');
          path.setAttribute('stroke-linecap', 'round');
        }
        svg.append(path);
        return svg;
      }

      const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
      const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';

      // ---------------------------------------------------------------- building the widget

      function mount() {
        const host = document.createElement('raaya-chat');
        host.setAttribute('dir', dir);
        host.setAttribute('lang', lang);
        const shadow = host.attachShadow({ mode: 'open' });
        shadow.append(h('style', { text: CSS }), buildRoot());
        ui.shadow = shadow;
        document.body.append(host);
      }

      function buildRoot() {
        ui.badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' });
        ui.launcher = h('button', {
          class: 'launcher', type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'raaya-panel',
          onclick: () => (state.open ? closePanel() : openPanel())
        }, [icon(CHAT_ICON), ui.badge]);

        const header = h('div', { class: 'header' }, [
          h('h2', { class: 'title', text: t('title') }),
          h('button', { class: 'close', type: 'button', 'aria-label': t('close'), onclick: () => closePanel() }, [icon(CLOSE_ICON, true)])
        ]);
        ui.status = h('div', { class: 'status', role: 'status' });
        ui.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('transcript'), tabindex: '0' });
        ui.typing = h('div', { class: 'typing', hidden: '' });

        ui.panel = h('div', {
          class: 'panel', id: 'raaya-panel', role: 'dialog', 'aria-label': t('title'), hidden: '',
          onkeydown: (event) => { if (event.key === 'Escape') closePanel(); }
        }, [header, ui.status, ui.log, ui.typing, buildComposer()]);

        ui.root = h('div', { class: 'root', dir, lang }, [ui.panel, ui.launcher]);
        return ui.root;
      }

      function buildField(id, input) {
        const label = h('label', { class: 'label', for: id });
        const error = h('div', { class: 'error', id: id + '-error', role: 'alert' });
        input.id = id;
        input.setAttribute('aria-describedby', error.id);
        input.addEventListener('input', () => clearError(input, error));
        return { label, error, input, wrap: h('div', { class: 'field' }, [label, input, error]) };
      }

      function followText(field) {
        field.dir = field.value.trim() ? 'auto' : dir;
      }

      function buildComposer() {
        ui.note = h('p', { class: 'note' });
        ui.name = buildField('raaya-name', h('input', { type: 'text', autocomplete: 'name', dir }));
        ui.email = buildField('raaya-email', h('input', { type: 'email', autocomplete: 'email', inputmode: 'email', dir: 'ltr' }));
        ui.identity = h('div', { class: 'identity', hidden: '' }, [ui.note, ui.name.wrap, ui.email.wrap]);

        ui.textarea = h('textarea', {
          rows: '1', dir, 'aria-label': t('message'), placeholder: t('placeholder'),
          oninput: onComposerInput, onkeydown: onComposerKey
        });
        // Empty, a field reads in the widget's direction (placeholder and caret on the right in Arabic); with text,
        // in the text's own. Browsers resolve an empty dir="auto" field to left-to-right.
        for (const field of [ui.name.input, ui.textarea]) field.addEventListener('input', () => followText(field));
        ui.textError = h('div', { class: 'error', role: 'alert' });
        ui.send = h('button', { class: 'send', type: 'submit', text: t('send'), disabled: '' });
        return h('form', {
          class: 'composer', novalidate: '',
          onsubmit: (event) => { event.preventDefault(); sendFromComposer(); }
        }, [ui.identity, h('div', { class: 'row' }, [ui.textarea, ui.send]), ui.textError]);
      }

      function buildMessage(message) {
        const from = message.from === 'visitor' ? 'visitor' : isReply(message.from) ? 'agent' : 'system';
        const row = h('div', { class: 'msg ' + from });
        if (from === 'agent') {
          const name = typeof message.name === 'string' && message.name ? message.name : t('agent');
          row.append(h('div', { class: 'name', dir: 'auto', text: name }));
        }
        const text = message.text == null ? '' : String(message.text);
        const timeEl = h('time', { class: 'time' });
        const stateEl = h('span', { class: 'state' });
        const meta = h('div', { class: 'meta' }, [timeEl, stateEl]);
        row.append(h('div', { class: 'bubble', dir: 'auto' }, bubbleContent(text, from !== 'visitor')), meta);
        setTime(timeEl, message.at);
        return { row, meta, timeEl, stateEl };
      }

      // Raaya's own links in a reply (an article, a survey) can be followed; everything else stays plain text.
      function bubbleContent(text, linkable) {
        if (!linkable) return [text];
        const parts = [];
        let last = 0;
        for (const match of text.matchAll(/https?:\/\/[^\s]+/g)) {
          let url;
          try { url = new URL(match[0]); } catch (e) { continue; }
          if (url.origin !== origin) continue;
          const survey = url.pathname.startsWith('/help/survey/');
          parts.push(text.slice(last, match.index));
          parts.push(h('a', { href: url.href, target: '_blank', rel: 'noopener', class: survey ? 'rate' : 'link', text: survey ? t('rate') : url.href }));
          last = match.index + match[0].length;
        }
        parts.push(text.slice(last));
        return parts;
      }

      // A bot's answer sits with the agents' (start side, name above) and counts toward the unread badge.
      function isReply(from) {
        return from === 'agent' || from === 'bot';
      }

      function setTime(el, at) {
        const date = at ? new Date(at) : null;
        if (!date || isNaN(date.getTime())) { el.textContent = ''; return; }
        el.dateTime = date.toISOString();
        el.textContent = timeFormat.format(date);
      }

      // ---------------------------------------------------------------- open / close, badge

      function openPanel() {
        if (!state.mounted) { state.openWhenMounted = true; return; }
        if (state.disabled || state.open) return;
        state.open = true;
        ui.panel.hidden = false;
        ui.root.classList.add('is-open');
        ui.launcher.setAttribute('aria-expanded', 'true');
        setUnread(0);
        markSeen();
        connect();   // the first opening is what starts a new visitor's connection
        scrollToEnd();
        // On touch screens focusing would throw the keyboard up over the transcript before the visitor asked.
        if (!window.matchMedia || !window.matchMedia('(pointer: coarse)').matches) ui.textarea.focus();
      }

      function closePanel() {
        if (!state.open) return;
        const hadFocus = Boolean(ui.shadow.activeElement);
        state.open = false;
        ui.panel.hidden = true;
        ui.root.classList.remove('is-open');
        ui.launcher.setAttribute('aria-expanded', 'false');
        setUnread(0);
        if (hadFocus && !state.disabled) ui.launcher.focus();
      }

      function setUnread(count) {
        state.unread = count;
        ui.badge.textContent = count > 99 ? t('manyUnread', { count: numberFormat.format(99) }) : numberFormat.format(count);
        ui.badge.hidden = count === 0;
        const label = state.open ? t('close') : count ? t('openUnread', { count: numberFormat.format(count) }) : t('open');
        ui.launcher.setAttribute('aria-label', label);
      }

      // Remember how far the visitor has read, so a later page load only badges replies they haven't seen.
      function markSeen() {
        if (state.seen === null || state.maxId > state.seen) {
          state.seen = state.maxId;
          store.set(SEEN_KEY, String(state.maxId));
        }
      }

      // ---------------------------------------------------------------- connection

      function connect() {
        state.wanted = true;
        if (state.socket || state.retryTimer || state.disabled) return;
        let socket;
        try {
          socket = new WebSocket(origin.replace(/^http/, 'ws') + '/chat/ws');   // https -> wss, http -> ws
        } catch (e) {
          scheduleReconnect();
          return;
        }
        state.socket = socket;
        socket.onopen = () => {
          sendFrame({ type: 'hello', token: store.get(TOKEN_KEY), language: lang });
          state.pingTimer = setInterval(() => sendFrame({ type: 'ping' }), PING_MS);
        };
        socket.onmessage = (event) => handleFrame(event.data);
        socket.onclose = () => onSocketClosed(socket);
        renderStatus();
      }

      function onSocketClosed(socket) {
        if (state.socket !== socket) return;
        state.socket = null;
        state.ready = false;
        clearInterval(state.pingTimer);
        hideAgentTyping();
        clearTimeout(state.typingIdleTimer);
        state.visitorTyping = false;
        // Whatever wasn't acknowledged may not have arrived: let the visitor resend it once we're back.
        for (const entry of state.pending.values()) {
          if (entry.status === 'sending') failEntry(entry, t('notSent'), true);
        }
        if (state.wanted && !state.disabled) scheduleReconnect();
        renderStatus();
        renderComposer();
      }

      function scheduleReconnect() {
        const base = state.retryDelay;
        state.retryDelay = Math.min(base * 2, RETRY_MAX_MS);
        // Jitter keeps every visitor from reconnecting in the same instant after a server restart.
        const delay = base + Math.random() * base * 0.3;
        state.retryTimer = setTimeout(() => { state.retryTimer = 0; connect(); }, delay);
      }

      function sendFrame(frame) {
        const socket = state.socket;
        if (!socket || socket.readyState !== 1) return false;   // 1 = OPEN
        socket.send(JSON.stringify(frame));
        return true;
      }

      // ---------------------------------------------------------------- frames from the server

      const HANDLERS = {
        welcome: onWelcome,
        ack: onAck,
        error: onError,
        message: onMessage,
        typing: onAgentTyping,
        availability: applyAvailability
      };

      function handleFrame(data) {
        let frame;
        try { frame = JSON.parse(data); } catch (e) { return; }
        if (!frame || typeof frame !== 'object' || typeof frame.type !== 'string') return;
        // Unknown types (pong included) are ignored so the server can add frames without breaking old widgets.
        if (Object.prototype.hasOwnProperty.call(HANDLERS, frame.type)) HANDLERS[frame.type](frame);
      }

      function onWelcome(frame) {
        if (typeof frame.token === 'string' && frame.token) store.set(TOKEN_KEY, frame.token);
        state.ready = true;
        state.everReady = true;
        state.retryDelay = RETRY_MIN_MS;
        renderTranscript(Array.isArray(frame.messages) ? frame.messages : []);
        applyAvailability(frame);
      }

      function renderTranscript(messages) {
        const unsent = Array.from(state.pending.values());
        state.byId.clear();
        ui.log.replaceChildren();
        let unread = 0;
        for (const message of messages) {
          const added = appendServerMessage(message);
          if (added && isReply(message.from) && state.seen !== null && Number(message.id) > state.seen) unread++;
        }
        // Messages the server never acknowledged stay at the end so the visitor can still retry them.
        for (const entry of unsent) ui.log.append(entry.el);
        if (state.open || state.seen === null) markSeen();
        setUnread(state.open ? 0 : unread);
        scrollToEnd();
      }

      function appendServerMessage(message) {
        if (!message || typeof message !== 'object') return false;
        const key = message.id == null ? null : String(message.id);
        if (key !== null && state.byId.has(key)) return false;   // our own message echoed, or a repeat
        const { row } = buildMessage(message);
        if (key !== null) {
          row.dataset.id = key;
          state.byId.set(key, row);
          state.maxId = Math.max(state.maxId, Number(message.id) || 0);
        }
        ui.log.append(row);
        return true;
      }

      function onMessage(frame) {
        const follow = isNearEnd();
        if (!appendServerMessage(frame)) return;
        if (isReply(frame.from)) {
          hideAgentTyping();
          if (!state.open) setUnread(state.unread + 1);
        }
        if (state.open) markSeen();
        renderComposer();   // a visitor message from another tab ends the "first message" fields
        if (follow) scrollToEnd();
      }

      function onAck(frame) {
        const entry = state.pending.get(frame.client_id);
        if (!entry) return;
        state.pending.delete(entry.clientId);
        const key = frame.id == null ? null : String(frame.id);
        // If the echo of this very message beat the ack, keep our bubble (it sits where the visitor expects it).
        if (key !== null && state.byId.has(key)) state.byId.get(key).remove();
        if (key !== null) {
          entry.el.dataset.id = key;
          state.byId.set(key, entry.el);
          state.maxId = Math.max(state.maxId, Number(frame.id) || 0);
        }
        entry.status = 'sent';
        entry.el.classList.remove('pending', 'failed');
        entry.stateEl.textContent = '';
        entry.retry.remove();
        if (frame.at) setTime(entry.timeEl, frame.at);
        if (entry.identity) state.identityRequested = false;
        if (entry.offline && entry.email) appendNote(t('thanks', { email: isolate(entry.email) }));
        if (state.open) markSeen();
        renderComposer();
      }

      function onError(frame) {
        const detail = typeof frame.detail === 'string' && frame.detail ? frame.detail : t('refused');
        const entry = frame.client_id == null ? null : state.pending.get(frame.client_id);
        if (entry && (frame.field === 'email' || frame.field === 'name')) {
          // The field is what needs fixing, not the message: take the bubble back and return its text to the composer.
          state.pending.delete(entry.clientId);
          entry.el.remove();
          if (!ui.textarea.value) { ui.textarea.value = entry.text; followText(ui.textarea); autosize(); }
          state.identityRequested = true;
          renderComposer();
          showError(frame.field, detail);
          return;
        }
        if (entry) { failEntry(entry, detail, false); return; }
        showError(frame.field, detail);
      }

      function onAgentTyping(frame) {
        if (frame.active !== true) { hideAgentTyping(); return; }
        const name = typeof frame.name === 'string' && frame.name ? frame.name : null;
        const follow = isNearEnd();
        ui.typing.textContent = name ? t('typing', { name: isolate(name) }) : t('typingAnonymous');
        ui.typing.hidden = false;
        if (follow) scrollToEnd();   // the indicator takes height from the transcript
        // A lost "stopped typing" frame mustn't leave the indicator up forever.
        clearTimeout(state.agentTypingTimer);
        state.agentTypingTimer = setTimeout(hideAgentTyping, TYPING_SHOW_MS);
      }

      function hideAgentTyping() {
        clearTimeout(state.agentTypingTimer);
        ui.typing.hidden = true;
        ui.typing.textContent = '';
      }

      // Used for welcome and availability frames alike; the transcript is left as it is.
      function applyAvailability(frame) {
        state.disabled = frame.reason === 'disabled';
        ui.root.hidden = state.disabled;   // chat switched off: no launcher, no panel
        if (state.disabled) { closePanel(); return; }
        state.mode = frame.available === true ? 'available' : 'unavailable';
        state.reason = frame.available === true ? null : frame.reason;
        state.nextOpen = typeof frame.next_open === 'string' ? frame.next_open : null;
        renderStatus();
        renderComposer();
      }

      // ---------------------------------------------------------------- rendering state

      function renderStatus() {
        let line = '';
        if (!state.ready && state.wanted) line = state.everReady || state.retryTimer ? t('reconnecting') : t('connecting');
        else if (state.ready && state.mode === 'unavailable') line = availabilityLine();
        if (ui.status.textContent !== line) ui.status.textContent = line;
      }

      function availabilityLine() {
        if (state.reason !== 'closed') return t('noAgents');   // "no_agents", or a reason this widget doesn't know yet
        const date = state.nextOpen ? new Date(state.nextOpen) : null;
        if (!date || isNaN(date.getTime())) return t('closed');
        return t('closedUntil', { time: reopenFormat.format(date) });
      }

      function hasVisitorMessages() {
        return Boolean(ui.log.querySelector('.msg.visitor:not(.failed)'));
      }

      // Name and email: optional before the first message while someone is there, required email when no one is.
      function identityWanted() {
        if (state.mode === 'unavailable') return true;
        return state.mode === 'available' && (state.identityRequested || !hasVisitorMessages());
      }

      function renderComposer() {
        const offline = state.mode === 'unavailable';
        ui.identity.hidden = !identityWanted();
        ui.note.textContent = offline ? t('leaveMessage') : t('followUp');
        ui.name.label.textContent = t('name');
        ui.email.label.textContent = offline ? t('emailRequired') : t('emailOptional');
        ui.email.input.required = offline;
        ui.send.disabled = !state.ready;
        for (const entry of state.pending.values()) entry.retry.disabled = !state.ready;
      }

      function showError(field, detail) {
        const target = field === 'email' ? ui.email : field === 'name' ? ui.name : null;
        if (target && !ui.identity.hidden) {
          target.error.textContent = detail;
          target.input.setAttribute('aria-invalid', 'true');
          if (state.open) target.input.focus();
        } else {
          ui.textError.textContent = detail;   // about the text, or about nothing in particular
        }
      }

      function clearError(input, error) {
        error.textContent = '';
        input.removeAttribute('aria-invalid');
      }

      function appendNote(text) {
        ui.log.append(buildMessage({ from: 'system', text, at: new Date().toISOString() }).row);
        scrollToEnd();
      }

      function isNearEnd() {
        return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 48;
      }

      function scrollToEnd() {
        ui.log.scrollTop = ui.log.scrollHeight;
      }

      // ---------------------------------------------------------------- sending

      function nextClientId() {
        state.counter += 1;
        let random = Math.random().toString(36).slice(2, 10);
        if (window.crypto && window.crypto.getRandomValues) {
          random = window.crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
        }
        return 'c' + state.counter + '-' + random;
      }

      // The name and email to send with this message, {} when none, or null when the email doesn't pass.
      function collectIdentity() {
        if (!identityWanted()) return {};
        const email = ui.email.input;
        const name = ui.name.input.value.trim();
        email.value = email.value.trim();
        clearError(email, ui.email.error);
        if (email.required && !email.value) { showError('email', t('emailMissing')); return null; }
        if (!email.checkValidity()) { showError('email', t('emailInvalid')); return null; }
        const identity = {};
        if (name) identity.name = name;
        if (email.value) identity.email = email.value;
        return identity;
      }

      function sendFromComposer() {
        if (!state.ready) return;
        const text = ui.textarea.value.trim();
        if (!text) { ui.textarea.focus(); return; }
        ui.textError.textContent = '';
        const identity = collectIdentity();
        if (!identity) return;
        stopVisitorTyping();
        const entry = createEntry(text);
        ui.log.append(entry.el);
        scrollToEnd();
        ui.textarea.value = '';
        followText(ui.textarea);
        autosize();
        transmit(entry, identity);
        renderComposer();   // the first message puts the optional fields away
      }

      function createEntry(text) {
        const parts = buildMessage({ from: 'visitor', text, at: new Date().toISOString() });
        const entry = {
          clientId: nextClientId(), text, status: 'sending', lost: false, offline: false, email: null, identity: false,
          el: parts.row, stateEl: parts.stateEl, timeEl: parts.timeEl
        };
        entry.retry = h('button', { class: 'retry', type: 'button', text: t('retry'), hidden: '', onclick: () => retryEntry(entry) });
        parts.meta.append(entry.retry);
        state.pending.set(entry.clientId, entry);
        markSending(entry);
        return entry;
      }

      function markSending(entry) {
        entry.status = 'sending';
        entry.el.classList.remove('failed');
        entry.el.classList.add('pending');
        entry.stateEl.textContent = t('sending');
        entry.retry.hidden = true;
      }

      function transmit(entry, identity) {
        const frame = { type: 'message', client_id: entry.clientId, text: entry.text };
        if (identity.name) frame.name = identity.name;
        if (identity.email) frame.email = identity.email;
        entry.offline = state.mode === 'unavailable';
        entry.email = identity.email || null;
        entry.identity = Boolean(identity.name || identity.email);
        if (!sendFrame(frame)) failEntry(entry, t('notSent'), true);
      }

      // lost: no answer came (connection dropped), so a retry keeps the client_id and the server can drop a duplicate;
      // a refused message gets a fresh one, since the server already answered that id.
      function failEntry(entry, detail, lost) {
        const follow = isNearEnd();
        entry.status = 'failed';
        entry.lost = lost;
        entry.el.classList.remove('pending');
        entry.el.classList.add('failed');
        entry.stateEl.textContent = detail;
        entry.retry.hidden = false;
        entry.retry.disabled = !state.ready;
        if (follow) scrollToEnd();   // the error and the retry button add height under the newest bubble
      }

      function retryEntry(entry) {
        if (!state.ready || entry.status !== 'failed') return;
        const identity = collectIdentity();
        if (!identity) return;
        if (!entry.lost) {
          state.pending.delete(entry.clientId);
          entry.clientId = nextClientId();
          state.pending.set(entry.clientId, entry);
        }
        markSending(entry);
        ui.log.append(entry.el);   // it is now the newest message
        scrollToEnd();
        transmit(entry, identity);
        renderComposer();
      }

      // ---------------------------------------------------------------- the composer

      function onComposerKey(event) {
        // Enter sends, Shift+Enter is a new line; never interrupt an input method that is still composing.
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          sendFromComposer();
        }
      }

      function onComposerInput() {
        autosize();
        ui.textError.textContent = '';
        noteVisitorTyping();
      }

      function autosize() {
        const area = ui.textarea;
        area.style.blockSize = 'auto';
        area.style.blockSize = area.scrollHeight + (area.offsetHeight - area.clientHeight) + 'px';
      }

      // "typing" goes out at most every 3 s while keys keep coming, and "stopped" after 4 s of quiet.
      function noteVisitorTyping() {
        if (!state.ready || state.mode !== 'available') return;
        const now = Date.now();
        if (!state.visitorTyping || now - state.lastTypingSent >= TYPING_RESEND_MS) {
          if (sendFrame({ type: 'typing', active: true })) {
            state.visitorTyping = true;
            state.lastTypingSent = now;
          }
        }
        clearTimeout(state.typingIdleTimer);
        state.typingIdleTimer = setTimeout(stopVisitorTyping, TYPING_IDLE_MS);
      }

      function stopVisitorTyping() {
        clearTimeout(state.typingIdleTimer);
        if (!state.visitorTyping) return;
        state.visitorTyping = false;
        sendFrame({ type: 'typing', active: false });
      }

      // ---------------------------------------------------------------- start

      function start() {
        mount();
        state.mounted = true;
        setUnread(0);
        renderStatus();
        renderComposer();
        // A returning visitor reconnects at once, so agent replies can show on the launcher's badge.
        if (store.get(TOKEN_KEY)) connect();
        if (state.openWhenMounted) openPanel();
      }

      // Back online: don't sit out the rest of a long backoff.
      window.addEventListener('online', () => {
        if (!state.retryTimer) return;
        clearTimeout(state.retryTimer);
        state.retryTimer = 0;
        connect();
      });

      window.RaayaChat = Object.freeze({ open: () => openPanel(), close: () => closePanel() });

      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start, { once: true });
    })();
    """#

    /// A small bilingual sample "customer website" page that embeds the widget (served at GET /chat/demo?lang=ar|en),
    /// with `<html lang dir>` set, a heading and a paragraph in the chosen language, and the script tag.
    /// `language` is "ar" or "en"; anything else gives the English page.
    static func samplePage(language: String) -> String {
        let arabic = language == "ar"
        let lang = arabic ? "ar" : "en"
        let dir = arabic ? "rtl" : "ltr"
        let title = arabic ? "متجر الواحة — مثال لموقع عميل" : "Al Waha Store — an example customer site"
        let heading = arabic ? "متجر الواحة" : "Al Waha Store"
        let paragraph =
            arabic
            ? "هذه صفحة تجريبية تمثّل موقع أحد العملاء. زر المحادثة في الزاوية السفلية يفتح نافذة الدردشة المباشرة مع فريق الدعم."
            : "This page stands in for a customer's website. The chat button in the bottom corner opens a live chat with the support team."
        let other = arabic ? (lang: "en", dir: "ltr", label: "English") : (lang: "ar", dir: "rtl", label: "العربية")
        return """
            <!doctype html>
            <html lang="\(lang)" dir="\(dir)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
              body { margin: 0; font-family: system-ui, "Segoe UI", Tahoma, "Noto Sans Arabic", sans-serif; line-height: 1.6; color: #1d2433; background: #fbfaf7; }
              header { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding-block: 16px; padding-inline: 24px; background: #0b6e4f; color: #fff; }
              header h1 { margin: 0; font-size: 24px; }
              header a { color: #fff; }
              main { max-inline-size: 40rem; padding-block: 24px; padding-inline: 24px; }
            </style>
            </head>
            <body>
            <header>
              <h1>\(heading)</h1>
              <a href="/chat/demo?lang=\(other.lang)" lang="\(other.lang)" dir="\(other.dir)" hreflang="\(other.lang)">\(other.label)</a>
            </header>
            <main>
              <p>\(paragraph)</p>
            </main>
            <script src="/chat/widget.js" data-language="\(lang)" async></script>
            </body>
            </html>

            """
    }
}
