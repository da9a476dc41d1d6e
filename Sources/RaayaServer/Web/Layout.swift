import Foundation
import RaayaCore
import Vapor

/// The frame of every page: `<html lang dir>`, the header with navigation, search, language and sign-out, and
/// one stylesheet written with logical properties, so right-to-left needs nothing of its own.
enum Layout {
    static func page(
        _ session: WebSession, title: String, body: HTML, script: HTML = "", status: HTTPStatus = .ok
    ) -> Response {
        let language = session.language
        let branding = session.appearance.branding
        let name = branding.name(language) ?? Phrase.appName.text(language)
        let logo: HTML = branding.logoPath == nil ? "" : "<img class=\"logo\" src=\"/branding/logo\" alt=\"\">"
        let offersOther = session.appearance.languages.offered.contains(language.other)
        // Checked again where it enters a stylesheet.
        var validation = Validation()
        let accent = validation.color(branding.accentColor, field: "accent_color")
        let admin: HTML =
            session.principal.map { [Role.admin, .supervisor].contains($0.role) } == true
            ? "<a href=\"/agent/reports\">\(Phrase.reports, language)</a><a href=\"/agent/satisfaction\">\(Phrase.satisfaction, language)</a><a href=\"/admin\">\(Phrase.admin, language)</a>" : ""
        let header: HTML =
            session.principal == nil
            ? """
            <header class="top"><a class="brand" href="/">\(logo)<span dir="auto">\(name)</span></a>
            \(offersOther ? HTML("<a class=\"language\" href=\"/language?to=\(language.other.rawValue)\" lang=\"\(language.other.rawValue)\">\(Phrase.switchLanguage, language)</a>") : "")</header>
            """
            : """
            <header class="top"><a class="brand" href="/agent">\(logo)<span dir="auto">\(name)</span></a>
            <nav><a href="/agent">\(Phrase.inbox, language)</a><a href="/agent/kb">\(Phrase.knowledgeBase, language)</a>\(admin)</nav>
            <form class="search" method="get" action="/agent/search" role="search"><input type="search" name="q" \
            aria-label="\(Phrase.search, language)" placeholder="\(Phrase.searchPlaceholder, language)"></form>
            <span class="who">\(session.userName ?? "")</span>
            \(offersOther ? HTML("""
            <form method="post" action="/language"><input type="hidden" name="_csrf" value="\(session.csrf)">\
            <input type="hidden" name="to" value="\(language.other.rawValue)"><button class="link" lang="\(language.other.rawValue)">\(Phrase.switchLanguage, language)</button></form>
            """) : "")
            <form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="\(session.csrf)">\
            <button class="link">\(Phrase.signOut, language)</button></form></header>
            """
        let document: HTML = """
            <!doctype html>
            <html lang="\(language.rawValue)" dir="\(language.direction)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — \(name)</title>
            <style>\(HTML(trusted: stylesheet))\(HTML(trusted: accent.map { ":root { --accent: \($0); }" } ?? ""))</style></head>
            <body>\(header)<main>\(body)</main>\(script)</body></html>
            """
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Referrer-Policy", value: "same-origin")
        // Only our own scripts and styles run: an injected <script> or onerror= would be refused by the browser
        // even if it ever got past the escaping.
        headers.add(
            name: "Content-Security-Policy",
            value: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "frame-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        return Response(status: status, headers: headers, body: .init(string: document.description))
    }

    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: ["Location": path])
    }

    private static let stylesheet = """
        :root { --accent: #0b6e4f; --line: #dde3ea; --muted: #5b6673; --bg: #f7f8fa; --warn: #b54708; --warnbg: #fff4e5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, "Segoe UI", Tahoma, "Noto Sans Arabic", sans-serif; color: #1d2733; background: var(--bg); }
        a { color: var(--accent); }
        .top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding-block: 10px; padding-inline: 16px; background: #fff; border-block-end: 1px solid var(--line); }
        .top .brand { font-weight: 700; font-size: 18px; text-decoration: none; margin-inline-end: 8px; display: inline-flex; align-items: center; gap: 8px; }
        .top .brand .logo { block-size: 32px; inline-size: auto; }
        .top nav { display: flex; gap: 12px; }
        .top .search { flex: 1 1 220px; }
        .top .search input { inline-size: 100%; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
        .top .who { color: var(--muted); }
        button.link { background: none; border: 0; color: var(--accent); font: inherit; cursor: pointer; padding: 0; text-decoration: underline; }
        main { padding: 16px; max-inline-size: 1200px; margin-inline: auto; }
        h1 { font-size: 20px; margin-block: 0 12px; }
        h2 { font-size: 16px; margin-block: 16px 8px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
        .signin { max-inline-size: 380px; margin-block: 48px; margin-inline: auto; }
        label { display: block; margin-block: 10px 4px; font-weight: 600; }
        input[type=email], input[type=password], input[type=text], input[type=search], input[type=tel], select, textarea { inline-size: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; background: #fff; }
        textarea { min-block-size: 110px; resize: vertical; }
        button:not(.link):not(.primary) { padding: 7px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: inherit; font: inherit; cursor: pointer; }
        .button, button.primary { display: inline-block; margin-block-start: 12px; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
        .error { color: #b42318; background: #fef3f2; border: 1px solid #fecdca; padding: 8px 12px; border-radius: 6px; }
        .notice { color: #05603a; background: #ecfdf3; border: 1px solid #abefc6; padding: 8px 12px; border-radius: 6px; }
        time { direction: ltr; unicode-bidi: isolate; }
        .warning { color: #93370d; background: #fffaeb; border: 1px solid #fedf89; padding: 8px 12px; border-radius: 6px; }
        [hidden] { display: none !important; }
        .layout { display: grid; grid-template-columns: 1fr 300px; gap: 16px; }
        @media (max-width: 820px) { .layout { grid-template-columns: 1fr; } }
        .views { display: flex; flex-wrap: wrap; gap: 6px; margin-block-end: 12px; }
        .views a { padding: 4px 10px; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; background: #fff; }
        .views a[aria-current=page] { background: var(--accent); color: #fff; border-color: var(--accent); }
        .count { font-size: 12px; opacity: .8; margin-inline-start: 4px; }
        table.tickets { inline-size: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        table.tickets th, table.tickets td { text-align: start; padding: 8px 10px; border-block-end: 1px solid var(--line); vertical-align: top; }
        table.tickets th { font-size: 13px; color: var(--muted); font-weight: 600; }
        table.tickets tr.selected { outline: 2px solid var(--accent); outline-offset: -2px; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; background: #eef2f6; }
        .badge.negative { background: #fee2e2; } .badge.positive { background: #dcfce7; }
        ol.trend { display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin: 0; list-style: none; }
        ol.trend a { text-decoration: none; font-size: 18px; }
        .badge.new { background: #e0f2fe; } .badge.open { background: #fef9c3; } .badge.solved, .badge.closed { background: #dcfce7; }
        .muted { color: var(--muted); font-size: 13px; }
        .chats li { list-style: none; padding: 8px; border: 1px solid var(--line); border-radius: 6px; margin-block-end: 6px; background: #fff; }
        .chats ul { padding: 0; margin: 0; }
        .chats li.overdue { border-color: var(--warn); background: var(--warnbg); }
        .chats li.overdue .late { color: var(--warn); font-weight: 700; }
        .message { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin-block-end: 10px; }
        .message.agent { border-inline-start: 4px solid var(--accent); }
        .message.customer { border-inline-start: 4px solid #6172f3; }
        .message.internal { background: #fffbeb; border-inline-start: 4px solid #f79009; }
        .message.system, .message.bot { background: #f2f4f7; }
        .message .meta { font-size: 13px; color: var(--muted); margin-block-end: 6px; }
        .message .body { white-space: pre-wrap; overflow-wrap: anywhere; }
        .message iframe { inline-size: 100%; min-block-size: 160px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        details.quoted { margin-block-start: 8px; color: var(--muted); }
        details.quoted .body { border-inline-start: 3px solid var(--line); padding-inline-start: 8px; }
        .replybox .choices { display: flex; gap: 16px; margin-block: 8px; }
        .replybox .choices label { display: inline; font-weight: 400; }
        aside > * + * { margin-block-start: 12px; }
        form.filters { display: flex; flex-wrap: wrap; align-items: end; gap: 8px 12px; margin-block-end: 12px; }
        form.filters label { display: flex; flex-direction: column; margin: 0; font-weight: 400; font-size: 13px; color: var(--muted); }
        form.filters select { inline-size: auto; min-inline-size: 120px; }
        form.filters button { margin: 0; }
        .card > h2:first-child, .card > h1:first-child { margin-block-start: 0; }
        ul.plain { list-style: none; padding: 0; margin: 0; }
        table.tickets td:last-child, time { white-space: nowrap; }
        form.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
        form.row label { margin: 0; }
        form.row input[inputmode=numeric] { inline-size: 4em; }
        form.row input[type=text] { inline-size: auto; }
        form.row input[type=search] { inline-size: auto; min-inline-size: 16em; }
        form.row button, form.row select { inline-size: auto; margin: 0; }
        table.admin { inline-size: 100%; border-collapse: collapse; }
        table.admin td { padding-block: 8px; border-block-end: 1px solid var(--line); }
        .logo-preview { max-block-size: 64px; }
        ul.articles { padding-inline-start: 20px; margin: 0; }
        main > .card + .card, main > .card + section, .categories > .card + .card { margin-block-start: 12px; }
        ul.articles li { margin-block: 6px; }
        .article-body h2, .article-body h3 { font-size: 16px; }
        dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        fieldset.scale { display: flex; flex-wrap: wrap; gap: 8px; border: 0; padding: 0; margin: 12px 0; }
        fieldset.scale label { display: flex; flex-direction: column; align-items: center; min-inline-size: 3em; margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px; font-weight: 400; cursor: pointer; }
        fieldset.scale label:has(input:checked) { border-color: var(--accent); background: #f0f7f4; }
        fieldset.scale input { inline-size: auto; }
        fieldset.scale small { color: var(--muted); font-size: 12px; text-align: center; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
        .figures .figure { font-size: 28px; font-weight: 600; }
        .figures + .card, .card + .card { margin-block-start: 12px; }
        .chart { margin: 0; } .chart svg { width: 100%; height: auto; max-height: 280px; }
        .chart .grid { stroke: var(--line); } .chart .tick { font-size: 14px; fill: var(--muted); }
        .chart .line { fill: none; stroke-width: 2; }
        .series-0 { fill: #0b6e4f; stroke: #0b6e4f; } .series-1 { fill: #2f6fdb; stroke: #2f6fdb; } .series-2 { fill: #d97706; stroke: #d97706; }
        .series-3 { fill: #9333ea; stroke: #9333ea; } .series-4 { fill: #dc2626; stroke: #dc2626; } .series-5 { fill: #64748b; stroke: #64748b; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: 4px 0 0; font-size: 13px; }
        .badge.goal-on_track, .badge.goal-achieved { background: #e7f6ee; color: #0b6e4f; } .badge.goal-at_risk { background: var(--warnbg); color: var(--warn); }
        .badge.goal-missed { background: #fde8e8; color: #b42318; }
        .legend svg { width: 10px; height: 10px; margin-inline-end: 4px; vertical-align: middle; }
        """
}
