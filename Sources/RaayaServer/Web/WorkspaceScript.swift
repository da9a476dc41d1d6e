import Vapor

/// The workspace's only script: keyboard navigation of the inbox (j/k, Enter), and live updates over the
/// agents' chat socket — the waiting chats panel is fetched again when a chat changes (and every 15 s, so a chat
/// that waits too long turns overdue), a chat's conversation gains new messages, and typing shows both ways.
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
        const response = await fetch(location.pathname, { credentials: 'same-origin' });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('conversation');
        const current = document.getElementById('conversation');
        if (fresh && current) current.replaceWith(fresh);
      }
      if (chats) setInterval(refreshChats, 15000);

      const typingLine = document.getElementById('typing');
      let typingTimer = null;
      let socket = null;
      let delay = 1000;
      function connect() {
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        socket = new WebSocket(scheme + '//' + location.host + '/api/v1/chat/agents/ws');
        socket.onopen = () => { delay = 1000; };
        socket.onmessage = (event) => {
          let frame;
          try { frame = JSON.parse(event.data); } catch (e) { return; }
          if (frame.type === 'chat_opened' || frame.type === 'message' || frame.type === 'status') {
            refreshChats();
            if (ticketID && frame.ticket_id === ticketID && frame.type === 'message') refreshConversation();
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
