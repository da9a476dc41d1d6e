import Vapor

/// The workspace's only script: keyboard navigation of the inbox (j/k, Enter), and live updates over the
/// agents' live socket — the waiting chats panel is fetched again when a chat changes (and every 15 s, so a chat
/// that waits too long turns overdue), an open ticket's conversation gains new messages and other changes are
/// announced, other agents on the same ticket are named (viewing or typing), and typing shows both ways.
/// The pages work without it.
enum WorkspaceScript {
    @Sendable static func serve(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: false, maxAge: 300)
        return Response(status: .ok, headers: headers, body: .init(string: source))
    }

    static let source = #"""
    (function () {
      'use strict';
      const rows = Array.from(document.querySelectorAll('#tickets tbody tr'));
      let selected = -1;
      function select(index) {
        if (!rows.length) return;
        if (selected >= 0) rows[selected].classList.remove('selected');
        selected = Math.max(0, Math.min(rows.length - 1, index));
        rows[selected].classList.add('selected');
        rows[selected].scrollIntoView({ block: 'nearest' });
      }
      document.addEventListener('keydown', (event) => {
        const target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
        if (event.key === 'j') select(selected + 1);
        else if (event.key === 'k') select(selected - 1);
        else if (event.key === 'Enter' && selected >= 0) location.href = rows[selected].dataset.href;
      });

      const chats = document.getElementById('chats');
      const page = document.querySelector('[data-ticket]');
      const ticketID = page ? Number(page.dataset.ticket) : null;
      if (!chats && !page) return;

      async function refreshChats() {
        if (!chats) return;
        const response = await fetch('/agent/chats', { credentials: 'same-origin' });
        if (response.ok) chats.innerHTML = await response.text();
      }
      async function refreshConversation() {
        // The ticket's own address: a page showing a draft was reached by a POST to another.
        const response = await fetch('/agent/tickets/' + ticketID, { credentials: 'same-origin' });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('conversation');
        const current = document.getElementById('conversation');
        if (fresh && current) current.replaceWith(fresh);
      }
      if (chats) setInterval(refreshChats, 15000);

      const typingLine = document.getElementById('typing');
      const changedLine = document.getElementById('changed');

      // Another agent on the same ticket: who is viewing it, and who is typing (which lapses unless repeated).
      const collision = document.getElementById('collision');
      let viewersTimer = null;
      function showViewers(viewers) {
        if (!collision) return;
        clearTimeout(viewersTimer);
        const lines = viewers.map((v) => (v.typing ? collision.dataset.typing : collision.dataset.viewing).replace('{name}', v.name));
        collision.textContent = lines.join(' · ');
        collision.hidden = viewers.length === 0;
        if (viewers.some((v) => v.typing)) {
          viewersTimer = setTimeout(() => showViewers(viewers.map((v) => Object.assign({}, v, { typing: false }))), 8000);
        }
      }
      let typingTimer = null;
      let socket = null;
      let delay = 1000;
      function connect() {
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        socket = new WebSocket(scheme + '//' + location.host + '/api/v1/chat/agents/ws');
        socket.onopen = () => {
          delay = 1000;
          if (ticketID) socket.send(JSON.stringify({ type: 'watch', ticket_id: ticketID }));
        };
        socket.onmessage = (event) => {
          let frame;
          try { frame = JSON.parse(event.data); } catch (e) { return; }
          if (frame.type === 'chat_opened' || frame.type === 'message' || frame.type === 'status') {
            refreshChats();
          } else if (frame.type === 'ticket_changed' && frame.ticket_id === ticketID) {
            if (frame.kind === 'message_added') refreshConversation();
            else if (changedLine) changedLine.hidden = false;
          } else if (frame.type === 'viewers' && frame.ticket_id === ticketID) {
            showViewers(frame.viewers || []);
          } else if (frame.type === 'typing' && ticketID && frame.ticket_id === ticketID && typingLine) {
            typingLine.hidden = !frame.active;
            clearTimeout(typingTimer);
            if (frame.active) typingTimer = setTimeout(() => { typingLine.hidden = true; }, 6000);
          }
        };
        socket.onclose = () => {
          setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30000);
        };
      }
      connect();

      // The visitor sees that the agent is typing (chat tickets; others ignore it).
      const box = document.getElementById('body');
      let lastTyping = 0;
      if (box && ticketID) {
        box.addEventListener('input', () => {
          const now = Date.now();
          if (socket && socket.readyState === 1 && now - lastTyping > 3000) {
            lastTyping = now;
            socket.send(JSON.stringify({ type: 'typing', ticket_id: ticketID, active: true }));
          }
        });
      }
    })();
    """#
}
