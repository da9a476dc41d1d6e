#!/usr/bin/env python3
"""Real-browser test of the managers' reports dashboard, /agent/reports (headless Chromium through Selenium).

  python3 Tests/browser/test_reports.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve --demo` (temporary data directory, SQLite, free port on 127.0.0.1): two months of
history on several channels, with replies, solves, reopens and CSAT/NPS answers. Every number the page shows is
compared with the reports API (GET /api/v1/reports/{name}, a token from POST /api/v1/auth/login) for the same
query. The demo admin signs in through the form; the page's language comes from the browser's Accept-Language.

1. Arabic desktop (1280×800), the default range (the last 30 days by week), reached from the header's «التقارير»:
   <html lang=ar dir=rtl>, headings and chart legends in Arabic only; the eight key-figure cards (new-tickets,
   first-response, resolution, reopen-rate, fcr, backlog, csat, nps) show numbers, each the API's: new tickets
   is volume's `total`, backlog reopens' `total.backlog`, the medians response_times' in hours, the rates and
   CSAT/NPS as the API's percentages and score. The three SVG charts are over 300 px wide; the volume chart has
   one labelled stack of bars per period with tickets, each stack as tall as its period's `total` on the chart's
   own y axis (and each bar's title the API's count for its channel), and the earliest period is at the right.
   Each "تنزيل CSV" link answers text/csv with its report's header.
2. Arabic desktop, the channel filter: «الدردشة» chosen in the form; the URL has channel=chat, the volume legend
   has only «الدردشة», and new tickets is the API's total for chat.
3. English desktop, the default range: <html lang=en dir=ltr>, headings in English only, the same figures, the
   earliest period at the left.
4. English desktop, the form: period "Day" and the last 7 days typed into the date inputs, submitted; the URL
   carries the query, the inputs keep it, the figures and the chart (seven periods) are the API's for it — the
   page's `to` is a day it includes, the API's is the instant it stops at, so the API is asked up to the day
   after — and differ from the 30-day ones. The volume CSV's rows are the API's periods, number for number.
5. Arabic phone (390×844): the page does not scroll sideways; the charts fit the screen.
6. The demo agent Omar: no «التقارير» in his header; /agent/reports answers 403 with «لا تملك صلاحية هذا الإجراء»,
   and so does a CSV link.

No console error on any page (but the 403s asked for in 6). Screenshots (reports-*.png: the whole page) go to
--out (default test-output/browser/); other tests' screenshots there are left alone. Exits 0 when everything
passed, 1 with a message naming the failed check otherwise (the server's data directory and log are then kept,
and failure-*.png saved for each open browser).
"""

import base64
import csv
import datetime
import io
import json
import os
import re
import sys
import urllib.request
from urllib.parse import parse_qsl, urlencode, urlsplit

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import DEMO_ADMIN, DEMO_AGENT, REPO, Browser as BaseBrowser, check, log, run  # noqa: E402

# ---------------------------------------------------------------------------------------------- what is checked

# The pages' words (Sources/RaayaServer/Web/Phrase.swift), checked word for word.
WORDS = {
    "ar": {"signInTitle": "الدخول إلى مساحة العمل", "reports": "التقارير", "forbidden": "لا تملك صلاحية هذا الإجراء",
           "csv": "تنزيل CSV", "hours": "س",
           "cards": {"new-tickets": "تذاكر جديدة", "first-response": "وسيط زمن الرد الأول",
                     "resolution": "وسيط زمن الحل", "reopen-rate": "نسبة إعادة الفتح", "fcr": "الحل من أول تواصل",
                     "backlog": "التذاكر المتراكمة", "csat": "رضا العملاء (CSAT)", "nps": "صافي نقاط الترويج (NPS)"},
           "charts": {"volume": "التذاكر الجديدة حسب القناة",
                      "times": "زمن الرد الأول وزمن الحل (الوسيط، بالساعات)",
                      "satisfaction-trend": "رضا العملاء عبر الوقت (%)"}},
    "en": {"signInTitle": "Sign in to the workspace", "reports": "Reports", "forbidden": "You may not do this",
           "csv": "Download CSV", "hours": "h",
           "cards": {"new-tickets": "New tickets", "first-response": "Median first response",
                     "resolution": "Median resolution time", "reopen-rate": "Reopen rate",
                     "fcr": "First-contact resolution", "backlog": "Backlog", "csat": "Customer satisfaction (CSAT)",
                     "nps": "Net promoter score (NPS)"},
           "charts": {"volume": "New tickets by channel",
                      "times": "First response and resolution (median, hours)",
                      "satisfaction-trend": "Customer satisfaction over time (%)"}},
}
CHANNELS = {
    "ar": {"email": "البريد", "chat": "الدردشة", "web": "البوابة", "phone": "الهاتف", "social": "التواصل الاجتماعي",
           "api": "الواجهة البرمجية"},
    "en": {"email": "Email", "chat": "Chat", "web": "Web", "phone": "Phone", "social": "Social", "api": "API"},
}
# Latin letters an Arabic heading may carry: the names of the measures themselves.
ACRONYMS = re.compile(r"\b(?:CSAT|NPS|CSV)\b")
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")

# The chart's geometry (Sources/RaayaServer/Web/SVGChart.swift): a 640×240 viewBox whose plot is 200 units tall.
PLOT_HEIGHT = 200.0
# The reports whose CSV the page links to, by the section the link is in.
CSV_REPORTS = {"volume": "volume", "times": "response_times", "satisfaction-trend": "satisfaction", "agents": "agents",
               "capacity": "capacity", "self-service": "self_service"}

SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const q = (s, from) => (from || document).querySelector(s);
const all = (s, from) => Array.from((from || document).querySelectorAll(s));
const text = (s) => { const el = q(s); return el ? strip(el.innerText) : null; };
const html = document.documentElement;
const box = (el) => { const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right, width: r.width, height: r.height }; };
const form = q('main form[method=get][action="/agent/reports"]');
const chart = (id) => {
  const section = q('#' + id);
  if (!section) return null;
  const svg = q('figure.chart svg[role=img]', section);
  const link = q('a.csv', section);
  return {
    heading: text('#' + id + ' > h2'), ariaLabel: svg && svg.getAttribute('aria-label'), box: svg && box(svg),
    // The y axis' ticks (anchored at their end) and the x axis' period labels (centred under their period).
    ticks: svg ? all('text.tick[text-anchor=end]', svg).map((t) => ({ y: +t.getAttribute('y'), text: strip(t.textContent) })) : [],
    labels: svg ? all('text.tick[text-anchor=middle]', svg).map((t) => ({ x: +t.getAttribute('x'), text: strip(t.textContent),
      screenX: ((r) => r.left + r.width / 2)(t.getBoundingClientRect()) })) : [],
    rects: svg ? all('rect', svg).map((r) => ({ cls: r.getAttribute('class'), x: +r.getAttribute('x'), y: +r.getAttribute('y'),
      width: +r.getAttribute('width'), height: +r.getAttribute('height'),
      title: q('title', r) ? strip(q('title', r).textContent) : null })) : [],
    lines: svg ? all('polyline, circle', svg).length : 0,
    legend: all('ul.legend li', section).map((li) => strip(li.textContent)),
    csv: link ? { href: link.getAttribute('href'), text: strip(link.innerText) } : null };
};
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  domDir: document.documentElement.dir, title: document.title,
  h1: text('main h1') || text('main .error'), error: text('main .error'),
  headings: all('main h1, main h2, main h3').map((h) => strip(h.innerText)),
  nav: all('header nav a').map((a) => ({ href: a.getAttribute('href'), text: strip(a.innerText) })),
  figures: all('.figures section.card').map((c) => ({ id: c.id, heading: strip(q('h2', c).innerText),
    value: q('.figure', c) ? strip(q('.figure', c).innerText) : null })),
  form: form ? { from: form.elements.from.value, to: form.elements.to.value, period: form.elements.period.value,
    channel: form.elements.channel.value } : null,
  charts: { volume: chart('volume'), times: chart('times'), 'satisfaction-trend': chart('satisfaction-trend') },
  csv: all('main a.csv').map((a) => ({ section: a.closest('section.card').id, href: a.getAttribute('href'),
    text: strip(a.innerText) })),
  vw: window.innerWidth, scrollWidth: (document.scrollingElement || html).scrollWidth
};
"""

# Fetches a URL of this site from the page with the page's cookies: its status, content type and text.
FETCH_JS = r"""
const [url, done] = arguments;
fetch(url, { credentials: 'same-origin' })
  .then(async (r) => done({ status: r.status, type: r.headers.get('content-type'), text: await r.text() }))
  .catch((e) => done({ status: 0, type: null, text: String(e) }));
"""


class Browser(BaseBrowser):
    """A Chromium on the reports page."""

    snapshot_js = SNAPSHOT_JS

    def describe(self, state):
        if state and state.get("charts"):
            state = dict(state, charts={k: v and dict(v, rects=len(v["rects"])) for k, v in state["charts"].items()})
        return json.dumps(state, ensure_ascii=False, indent=1)[:5000]

    def sign_in(self, server, person, language):
        self.driver.get(server.base + "/sign-in")
        self.wait(lambda s: s["h1"] == WORDS[language]["signInTitle"], "the sign-in form")
        self.find("#email").send_keys(person["email"])
        self.find("#password").send_keys(person["password"])
        self.find("main form button[type=submit]").click()
        return self.wait(lambda s: s["url"].startswith("/agent"), f"the workspace after {person['email']} signs in")

    def fetch(self, path):
        self.driver.set_script_timeout(30)
        return self.driver.execute_async_script(FETCH_JS, path)

    def submit_filters(self, what, **fields):
        """Fills the filters form as a person would (dates typed into the date inputs, options chosen by their
        visible names) and sends it; returns the state of the page it leads to."""
        before = self.snapshot()["url"]
        form = "main form[method=get][action='/agent/reports']"
        for name in ("from", "to"):
            if name in fields:
                self.set_date(f"{form} input[name={name}]", fields[name])
        for name in ("period", "channel"):
            if name in fields:
                Select(self.find(f"{form} select[name={name}]")).select_by_visible_text(fields[name])
        self.find(f"{form} button[type=submit]").click()
        return self.wait(lambda s: s["url"] != before and s["h1"] is not None and s["form"] is not None,
                         f"the page for {what}")

    def set_date(self, selector, day):
        """Types a date into a date input in the order its locale shows the fields, then checks its value."""
        field = self.find(selector)
        # Chromium's date input takes the digits field by field in the locale's order; its lang is the page's.
        order = self.driver.execute_script(
            "return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 1, 3))"
            ".filter((p) => p.type !== 'literal').map((p) => p.type)", )
        digits = {"year": f"{day.year:04d}", "month": f"{day.month:02d}", "day": f"{day.day:02d}"}
        field.send_keys("".join(digits[part] for part in order if part in digits))
        value = self.driver.execute_script("return arguments[0].value", field)
        if value != day.isoformat():
            # A locale whose fields Chromium orders otherwise: set it as a script would, with the events a person's
            # typing sends, so the form sees the same thing.
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, day.isoformat())
            value = self.driver.execute_script("return arguments[0].value", field)
            log(f"[{self.name}] typing into {selector} in the order {order} did not give {day}; set its value")
        check(value == day.isoformat(), f"[{self.name}] {selector} should hold {day}: {value!r}")

    def full_screenshot(self, path):
        """The whole page, not just the window: the charts are below the fold."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        log(f"screenshot: {os.path.relpath(path, REPO) if path.startswith(REPO) else path}")


# ---------------------------------------------------------------------------------------------- the API's side

def api_query(page_url):
    """The API's query for what the page shows at page_url: the same parameters, but `to` a day later when it is a
    day — the page's date picker includes its `to` day (ReportScope's inclusiveTo), the API stops at `to`."""
    pairs = parse_qsl(urlsplit(page_url).query, keep_blank_values=True)
    adjusted = []
    for name, value in pairs:
        if name == "to" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            value = (datetime.date.fromisoformat(value) + datetime.timedelta(days=1)).isoformat()
        adjusted.append((name, value))
    return ("?" + urlencode(adjusted)) if adjusted else ""


def api_reports(server, token, page_url):
    query = api_query(page_url)
    reports = {name: server.api("GET", f"/api/v1/reports/{name}{query}", token=token)
               for name in ("volume", "response_times", "reopens", "satisfaction")}
    reports["query"] = query
    return reports


def expected_figures(reports, language):
    """The cards' texts for the API's numbers, formatted as ReportPages.swift formats them."""
    hours_word = WORDS[language]["hours"]

    def hours(seconds):
        return "—" if seconds is None else f"{seconds / 3600:.1f} {hours_word}"

    def percent(value):
        return "—" if value is None else f"{value:.0f}%"

    times, reopens, satisfaction = (reports["response_times"]["total"], reports["reopens"]["total"],
                                    reports["satisfaction"]["total"])
    nps = satisfaction["nps"].get("score")
    return {
        "new-tickets": str(reports["volume"]["total"]),
        "first-response": hours(times["first_response"].get("median")),
        "resolution": hours(times["resolution"].get("median")),
        "reopen-rate": percent(reopens["reopen_rate"].get("percent")),
        "fcr": percent(reopens["first_contact_resolution"].get("percent")),
        "backlog": str(reopens["backlog"]),
        "csat": percent(satisfaction["csat"].get("percent")),
        "nps": "—" if nps is None else f"{nps:.0f}",
    }


def period_label(start, period):
    """A period's label on the x axis (ReportPages.label): day/month, or month/year for months; in UTC, the
    reports' time zone when the query names none."""
    when = datetime.datetime.fromisoformat(start.replace("Z", "+00:00"))
    return f"{when.month}/{when.year}" if period == "month" else f"{when.day}/{when.month}"


# ---------------------------------------------------------------------------------------------- checks

def check_language(browser, state, language):
    direction = "rtl" if language == "ar" else "ltr"
    check(state["lang"] == language and state["dir"] == direction and state["domDir"] == direction,
          f"[{browser.name}] the {language} page should be <html lang={language} dir={direction}>: "
          f"lang={state['lang']} dir={state['dir']}")
    words = WORDS[language]
    check(state["h1"] == words["reports"] and state["title"].startswith(words["reports"]),
          f"[{browser.name}] the heading and title should be {words['reports']!r}: {state['h1']!r}, {state['title']!r}")
    texts = state["headings"] + [c["ariaLabel"] for c in state["charts"].values()]
    for chart_id, chart in state["charts"].items():
        texts += [item for item in chart["legend"] if item != "CSAT"]   # the CSAT series is named CSAT in both
    for text in texts:
        if language == "ar":
            wrong = not ARABIC.search(text) or LATIN.search(ACRONYMS.sub("", text))
        else:
            wrong = ARABIC.search(text)
        check(not wrong, f"[{browser.name}] {text!r} on the {language} page is not in {language} only; headings: "
                         f"{state['headings']}")
    check({f["id"]: f["heading"] for f in state["figures"]} == words["cards"],
          f"[{browser.name}] the key figures' cards should be {words['cards']}: "
          f"{[(f['id'], f['heading']) for f in state['figures']]}")
    for chart_id, title in words["charts"].items():
        chart = state["charts"][chart_id]
        check(chart and chart["heading"] == title and chart["ariaLabel"] == title,
              f"[{browser.name}] the chart #{chart_id} should be headed and labelled {title!r}: {chart and chart['heading']!r}")
    check(state["csv"] and all(link["text"] == words["csv"] for link in state["csv"]),
          f"[{browser.name}] the CSV links should read {words['csv']!r}: {state['csv']}")


def check_figures(browser, state, reports, language, numbers_everywhere=False):
    """The cards show the API's numbers; with numbers_everywhere, none of them is a dash."""
    shown = {f["id"]: f["value"] for f in state["figures"]}
    expected = expected_figures(reports, language)
    check(shown == expected, f"[{browser.name}] the key figures should be the API's ({reports['query'] or 'no query'}):"
                             f"\n page {shown}\n API  {expected}")
    if numbers_everywhere:
        patterns = {"new-tickets": r"\d+", "backlog": r"\d+", "nps": r"-?\d+", "reopen-rate": r"\d+%", "fcr": r"\d+%",
                    "csat": r"\d+%", "first-response": r"\d+\.\d " + WORDS[language]["hours"],
                    "resolution": r"\d+\.\d " + WORDS[language]["hours"]}
        for card, pattern in patterns.items():
            check(re.fullmatch(pattern, shown[card] or ""), f"[{browser.name}] #{card} should show a number: {shown[card]!r}")


def check_charts_size(browser, state, minimum):
    """The three charts are drawn at a readable size inside the window, the line charts with their points."""
    for chart_id, chart in state["charts"].items():
        size = chart["box"]
        check(size and size["width"] > minimum and size["height"] > 50,
              f"[{browser.name}] the chart #{chart_id} should be over {minimum} px wide: {size}")
        check(size["left"] >= -1 and size["right"] <= state["vw"] + 1,
              f"[{browser.name}] the chart #{chart_id} should be within the {state['vw']} px window: {size}")
    shown = {f["id"]: f["value"] for f in state["figures"]}
    for chart_id, card in (("times", "first-response"), ("satisfaction-trend", "csat")):
        check(shown[card] == "—" or state["charts"][chart_id]["lines"] > 0,
              f"[{browser.name}] #{card} shows {shown[card]} but the chart #{chart_id} draws no point")


def check_volume_chart(browser, state, volume, language, channels=None):
    """One stack of bars per period with tickets, under its period's label, as tall as the period's total on the
    chart's y axis, each bar titled with its channel's count; time runs with the page's direction."""
    chart = state["charts"]["volume"]
    periods = volume["periods"]
    labels = chart["labels"]
    check(len(periods) <= 8, f"the test expects every period labelled (at most 8 periods): {len(periods)}")
    expected_labels = [period_label(p["start"], volume["period"]) for p in periods]
    check([label["text"] for label in labels] == expected_labels,
          f"[{browser.name}] the x axis should label the API's periods {expected_labels}: "
          f"{[label['text'] for label in labels]}")
    # The earliest period where the page's text starts: at the right in Arabic, at the left in English.
    first, last = labels[0], labels[-1]
    if len(labels) > 1:
        if language == "ar":
            check(first["screenX"] > last["screenX"] and first["x"] > last["x"],
                  f"[{browser.name}] in Arabic the earliest period ({first['text']}) should be at the right of the "
                  f"latest ({last['text']}): x {first['screenX']:.0f} vs {last['screenX']:.0f} px")
        else:
            check(first["screenX"] < last["screenX"] and first["x"] < last["x"],
                  f"[{browser.name}] in English the earliest period ({first['text']}) should be at the left of the "
                  f"latest ({last['text']}): x {first['screenX']:.0f} vs {last['screenX']:.0f} px")
        xs = [label["x"] for label in labels]
        check(xs == sorted(xs, reverse=(language == "ar")),
              f"[{browser.name}] the periods should run {'right to left' if language == 'ar' else 'left to right'}: {xs}")

    # The y axis' top tick is the value the plot's full height stands for.
    top = min(chart["ticks"], key=lambda tick: tick["y"])
    ceiling = float(top["text"])
    check(ceiling >= max((p["total"] for p in periods), default=0),
          f"[{browser.name}] the y axis ({ceiling}) should reach the busiest period's total")

    stacks = {}
    for rect in chart["rects"]:
        centre = rect["x"] + rect["width"] / 2
        index = min(range(len(labels)), key=lambda i: abs(labels[i]["x"] - centre))
        check(abs(labels[index]["x"] - centre) <= 0.2,
              f"[{browser.name}] a bar at x={rect['x']} (centre {centre:.1f}) is under no period's label: {rect}")
        stacks.setdefault(index, []).append(rect)
    with_data = [i for i, p in enumerate(periods) if p["total"] > 0]
    check(sorted(stacks) == with_data,
          f"[{browser.name}] the volume chart should have one stack per period with tickets (periods {with_data}): "
          f"stacks under {sorted(stacks)}")
    names = CHANNELS[language]
    for index in with_data:
        period, rects = periods[index], stacks[index]
        height = sum(rect["height"] for rect in rects)
        expected = PLOT_HEIGHT * period["total"] / ceiling
        # Each bar's top and height are rounded to 0.1 of a unit.
        check(abs(height - expected) <= 0.1 * len(rects) + 0.05,
              f"[{browser.name}] the stack for {labels[index]['text']} should be {expected:.1f} units tall "
              f"({period['total']} tickets on a {ceiling:g} axis): {height:.1f} ({len(rects)} bars)")
        titled = {}
        for rect in rects:
            match = re.fullmatch(r"(.+) " + re.escape(labels[index]["text"]) + r": (\d+)", rect["title"] or "")
            check(match, f"[{browser.name}] a bar's title should be 'channel {labels[index]['text']}: count': {rect}")
            titled[match.group(1)] = int(match.group(2))
        wanted = {names[c]: n for c, n in period["by_channel"].items() if n > 0 and (channels is None or c in channels)}
        check(titled == wanted, f"[{browser.name}] the bars for {labels[index]['text']} should be the API's counts "
                                f"{wanted}: {titled}")
    present = [c for c in names if sum(p["by_channel"][c] for p in periods) > 0]
    check(chart["legend"] == [names[c] for c in present],
          f"[{browser.name}] the volume legend should name the channels with tickets "
          f"{[names[c] for c in present]}: {chart['legend']}")
    return len(with_data)


def check_csv_links(browser, server, token, state):
    """Every "Download CSV" answers text/csv whose first line is its report's header (the API's CSV's)."""
    page_query = urlsplit(state["url"]).query
    sections = sorted(link["section"] for link in state["csv"])
    check(sections == sorted(CSV_REPORTS), f"[{browser.name}] a CSV link in each of {sorted(CSV_REPORTS)}: {sections}")
    downloads = {}
    for link in state["csv"]:
        report = CSV_REPORTS[link["section"]]
        path, _, query = link["href"].partition("?")
        check(path == f"/agent/reports/export/{report}" and query == page_query,
              f"[{browser.name}] the #{link['section']} CSV link should be /agent/reports/export/{report} with the "
              f"page's query ({page_query!r}): {link['href']}")
        answer = browser.fetch(link["href"])
        check(answer["status"] == 200 and (answer["type"] or "").split(";")[0].strip() == "text/csv",
              f"[{browser.name}] {link['href']} should answer 200 text/csv: {answer['status']} {answer['type']} "
              f"{answer['text'][:300]!r}")
        separator = "&" if api_query(state["url"]) else "?"
        api_csv = server_text(server, f"/api/v1/reports/{report}{api_query(state['url'])}{separator}format=csv", token)
        header, api_header = answer["text"].split("\r\n")[0].split("\n")[0], api_csv.splitlines()[0]
        check(header == api_header, f"[{browser.name}] {link['href']}'s first line should be the header "
                                    f"{api_header!r}: {header!r}")
        downloads[report] = answer["text"]
    return downloads


def server_text(server, path, token):
    request = urllib.request.Request(server.base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.read().decode("utf-8")


def check_volume_csv(browser, text, volume):
    rows = list(csv.reader(io.StringIO(text)))
    channels = list(CHANNELS["en"])
    check(rows[0] == ["start", "end", "total"] + channels, f"[{browser.name}] the volume CSV's header: {rows[0]}")
    expected = [[p["start"], p["end"], str(p["total"])] + [str(p["by_channel"][c]) for c in channels]
                for p in volume["periods"]]
    check(rows[1:] == expected, f"[{browser.name}] the volume CSV's rows should be the API's periods:\n CSV {rows[1:]}"
                                f"\n API {expected}")


# ---------------------------------------------------------------------------------------------- scenarios

def open_reports(browser, server, language, via_nav=False, path="/agent/reports"):
    if via_nav:
        state = browser.snapshot()
        links = [link for link in state["nav"] if link["href"] == "/agent/reports"]
        check(len(links) == 1 and links[0]["text"] == WORDS[language]["reports"],
              f"[{browser.name}] the header should link to the reports as {WORDS[language]['reports']!r}: {state['nav']}")
        browser.find("header nav a[href='/agent/reports']").click()
    else:
        browser.driver.get(server.base + path)
    return browser.wait(lambda s: s["h1"] == WORDS[language]["reports"] and s["form"] is not None
                        and s["charts"]["volume"] is not None, "the reports page")


def default_range(server, token, scratch, out, shared, language):
    """The default range on a desktop: language, figures, charts, CSV."""
    if language == "ar":
        browser = Browser("reports-ar-desktop", scratch, languages="ar-SA,ar")
        shared["ar"] = browser
    else:
        browser = Browser("reports-en-desktop", scratch, languages="en-US,en")
        shared["en"] = browser
    browser.sign_in(server, DEMO_ADMIN, language)
    state = open_reports(browser, server, language, via_nav=True)
    check(state["url"] == "/agent/reports", f"[{browser.name}] the header's link: {state['url']}")
    # Without a query the range ends now: asked again if a second passed a ticket's creation between the two.
    reports = api_reports(server, token, state["url"])
    if {f["id"]: f["value"] for f in state["figures"]} != expected_figures(reports, language):
        state = open_reports(browser, server, language)
        reports = api_reports(server, token, state["url"])
    check_language(browser, state, language)
    check_figures(browser, state, reports, language, numbers_everywhere=True)
    check(state["form"]["period"] == "week" and state["form"]["channel"] == "",
          f"[{browser.name}] the form should show the default week and all channels: {state['form']}")
    check_charts_size(browser, state, 300)
    stacks = check_volume_chart(browser, state, reports["volume"], language)
    check(stacks >= 3, f"[{browser.name}] the demo's 30 days should have tickets in several weeks: {stacks} stacks")
    check(state["scrollWidth"] <= state["vw"] + 1,
          f"[{browser.name}] the page scrolls sideways: {state['scrollWidth']} px on a {state['vw']} px window")
    check_csv_links(browser, server, token, state)
    browser.full_screenshot(os.path.join(out, f"{browser.name}.png"))
    browser.check_console()
    shared[f"default-{language}"] = reports
    figures = {f["id"]: f["value"] for f in state["figures"]}
    log(f"{language}: {figures['new-tickets']} new tickets in {len(reports['volume']['periods'])} weeks "
        f"({stacks} with tickets), backlog {figures['backlog']}, CSAT {figures['csat']}, NPS {figures['nps']}")


def chat_only(server, token, scratch, out, shared):
    """The Arabic page with «الدردشة» chosen in the channel filter."""
    browser = shared["ar"]
    state = browser.submit_filters("the chat channel", channel=CHANNELS["ar"]["chat"])
    params = dict(parse_qsl(urlsplit(state["url"]).query, keep_blank_values=True))
    check(state["url"].startswith("/agent/reports?") and params.get("channel") == "chat",
          f"[{browser.name}] the URL should carry channel=chat: {state['url']}")
    check(state["form"]["channel"] == "chat", f"[{browser.name}] the form should keep chat chosen: {state['form']}")
    reports = api_reports(server, token, state["url"])
    check_figures(browser, state, reports, "ar")
    volume = reports["volume"]
    check(volume["total"] == volume["by_channel"]["chat"] > 0
          and all(n == 0 for c, n in volume["by_channel"].items() if c != "chat"),
          f"the API's volume for channel=chat should count chats only: {volume['by_channel']}")
    # The form carried the default range's days: over those days without the filter, the chats are part of more.
    unfiltered = "?" + urlencode([(k, v) for k, v in parse_qsl(reports["query"][1:], keep_blank_values=True)
                                  if k != "channel"])
    everything = server.api("GET", f"/api/v1/reports/volume{unfiltered}", token=token)
    check(volume["total"] == everything["by_channel"]["chat"] < everything["total"],
          f"chat only: {volume['total']} new tickets, but the whole range had {everything['by_channel']['chat']} "
          f"chats of {everything['total']}")
    check(state["charts"]["volume"]["legend"] == [CHANNELS["ar"]["chat"]],
          f"[{browser.name}] the volume legend should name only {CHANNELS['ar']['chat']!r}: "
          f"{state['charts']['volume']['legend']}")
    check_volume_chart(browser, state, volume, "ar", channels={"chat"})
    check_language(browser, state, "ar")
    browser.full_screenshot(os.path.join(out, "reports-ar-desktop-chat.png"))
    browser.check_console()
    browser.quit()
    log(f"ar: «الدردشة» only: {volume['total']} of {everything['total']} new tickets, the legend only chat")


def last_week_by_day(server, token, scratch, out, shared):
    """The English form: period Day over the last 7 days."""
    browser = shared["en"]
    before = browser.snapshot()
    to_day = datetime.date.fromisoformat(before["form"]["to"])   # today, in the reports' time zone
    from_day = to_day - datetime.timedelta(days=6)
    state = browser.submit_filters("day by day over the last 7 days", period="Day", **{"from": from_day, "to": to_day})
    params = dict(parse_qsl(urlsplit(state["url"]).query, keep_blank_values=True))
    check(params.get("period") == "day" and params.get("from") == from_day.isoformat()
          and params.get("to") == to_day.isoformat() and params.get("channel", "") == "",
          f"[{browser.name}] the URL should carry period=day&from={from_day}&to={to_day}: {state['url']}")
    check(state["form"] == {"from": from_day.isoformat(), "to": to_day.isoformat(), "period": "day", "channel": ""},
          f"[{browser.name}] the form should keep what was chosen: {state['form']}")
    reports = api_reports(server, token, state["url"])
    volume = reports["volume"]
    check(len(volume["periods"]) == 7 and volume["period"] == "day",
          f"the API's volume for {reports['query']} should have 7 days: {len(volume['periods'])} {volume['period']}")
    check_figures(browser, state, reports, "en")
    default = shared["default-en"]
    check(volume["total"] < default["volume"]["total"],
          f"7 days should have fewer new tickets ({volume['total']}) than 30 ({default['volume']['total']})")
    check_language(browser, state, "en")
    check_charts_size(browser, state, 300)
    stacks = check_volume_chart(browser, state, volume, "en")
    check(stacks >= 2, f"[{browser.name}] the demo's last 7 days should have tickets on several days: {stacks}")
    downloads = check_csv_links(browser, server, token, state)
    check_volume_csv(browser, downloads["volume"], volume)
    browser.full_screenshot(os.path.join(out, "reports-en-desktop-days.png"))
    browser.check_console()
    browser.quit()
    figures = {f["id"]: f["value"] for f in state["figures"]}
    log(f"en: {from_day}..{to_day} by day: {figures['new-tickets']} new tickets on {stacks} days (30 days: "
        f"{default['volume']['total']}), backlog {figures['backlog']}; the volume CSV has the API's 7 rows")


def arabic_phone(server, token, scratch, out, shared):
    browser = Browser("reports-ar-phone", scratch, width=390, height=844, phone=True, languages="ar-SA,ar")
    browser.sign_in(server, DEMO_ADMIN, "ar")
    state = open_reports(browser, server, "ar")
    check_language(browser, state, "ar")
    check(state["vw"] == 390, f"[{browser.name}] the phone's window should be 390 px wide: {state['vw']}")
    check(state["scrollWidth"] <= state["vw"] + 1,
          f"[{browser.name}] the page scrolls sideways: {state['scrollWidth']} px wide on a {state['vw']} px screen")
    check_charts_size(browser, state, 250)
    reports = api_reports(server, token, state["url"])
    check_figures(browser, state, reports, "ar")
    check_volume_chart(browser, state, reports["volume"], "ar")
    browser.full_screenshot(os.path.join(out, f"{browser.name}.png"))
    browser.check_console()
    browser.quit()
    log(f"ar phone: {state['scrollWidth']} px wide on {state['vw']}; charts "
        f"{', '.join(str(round(c['box']['width'])) for c in state['charts'].values())} px")


def agent_refused(server, token, scratch, out, shared):
    browser = Browser("reports-agent", scratch, languages="ar-SA,ar")
    state = browser.sign_in(server, DEMO_AGENT, "ar")
    state = browser.wait(lambda s: s["nav"], "the agent's header")
    check(not any("/agent/reports" in link["href"] or link["text"] == WORDS["ar"]["reports"] for link in state["nav"]),
          f"[{browser.name}] an agent's header should not offer the reports: {state['nav']}")
    browser.driver.get(server.base + "/agent/reports")
    state = browser.wait(lambda s: s["error"] is not None, "the refusal")
    check(state["error"] == WORDS["ar"]["forbidden"] and state["charts"]["volume"] is None and not state["figures"],
          f"[{browser.name}] an agent should be refused the reports: error {state['error']!r}, "
          f"figures {state['figures']}")
    check(state["dir"] == "rtl", f"[{browser.name}] the refusal in Arabic should be rtl: {state['dir']}")
    answer = browser.fetch("/agent/reports")
    check(answer["status"] == 403, f"[{browser.name}] /agent/reports should answer 403 to an agent: {answer['status']}")
    answer = browser.fetch("/agent/reports/export/volume")
    check(answer["status"] == 403 and "text/csv" not in (answer["type"] or ""),
          f"[{browser.name}] the volume CSV should answer 403 to an agent: {answer['status']} {answer['type']}")
    browser.check_console(allow=(("/agent/reports", "403"),))
    browser.quit()
    log("omar (agent): no reports link; /agent/reports and its CSV answer 403")


def scenarios(server, scratch, out):
    token = server.login(DEMO_ADMIN)
    shared = {}
    return (
        ("Arabic desktop: the last 30 days", lambda: default_range(server, token, scratch, out, shared, "ar")),
        ("Arabic desktop: chat only", lambda: chat_only(server, token, scratch, out, shared)),
        ("English desktop: the last 30 days", lambda: default_range(server, token, scratch, out, shared, "en")),
        ("English desktop: day by day over the last 7 days",
         lambda: last_week_by_day(server, token, scratch, out, shared)),
        ("Arabic phone", lambda: arabic_phone(server, token, scratch, out, shared)),
        ("an agent is refused", lambda: agent_refused(server, token, scratch, out, shared)),
    )


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios, demo=True,
                 is_stale=lambda name: name.startswith(("reports-", "failure-reports-")) and name.endswith(".png")))
