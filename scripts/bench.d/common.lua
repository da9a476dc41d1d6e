-- Shared by the wrk scripts of scripts/bench (loaded with dofile by each one).
--
-- Sends the bearer token from $RAAYA_TOKEN, counts responses by status class in
-- every thread, and at the end prints one machine-readable line that
-- scripts/bench parses:
--   raaya-result requests=N duration_us=N p50_us=N p95_us=N p99_us=N s2xx=N ... timeouts=N
-- wrk itself only reports "Non-2xx or 3xx responses"; 3xx counts as failure here.

local token = os.getenv("RAAYA_TOKEN")
if not token or token == "" then
  error("RAAYA_TOKEN is not set")
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

-- Per-thread globals: done() runs in another Lua state and reads them with
-- thread:get, which only sees globals. thread_id is set by setup() below.
thread_id = 0
s2xx, s3xx, s4xx, s5xx, sother = 0, 0, 0, 0, 0

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    s2xx = s2xx + 1
  elseif status < 400 and status >= 300 then
    s3xx = s3xx + 1
  elseif status < 500 and status >= 400 then
    s4xx = s4xx + 1
  elseif status < 600 and status >= 500 then
    s5xx = s5xx + 1
  else
    sother = sother + 1
  end
end

function done(summary, latency, requests)
  local c = { s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, sother = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(c) do
      c[name] = c[name] + (thread:get(name) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    "raaya-result requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d " ..
    "s2xx=%d s3xx=%d s4xx=%d s5xx=%d sother=%d " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    c.s2xx, c.s3xx, c.s4xx, c.s5xx, c.sother,
    e.connect, e.read, e.write, e.timeout))
end
