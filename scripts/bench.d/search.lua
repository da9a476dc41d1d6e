-- wrk script: full-text search with a rotating set of Arabic and English queries.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

local queries = {
  "استرجاع", "refund", "الفاتورة", "invoice", "الشحنة", "delivery",
  "كلمة المرور", "password", "تالف", "damaged", "الاشتراك", "subscription",
  "الدفع", "payment", "العنوان", "address", "المساعدة", "help",
}

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/v1/search?q=" .. urlencode(q) .. "&limit=20"
end

local n = 0

function request()
  n = n + 1
  -- Threads start at different queries so they don't move in lock-step.
  return wrk.format("GET", paths[(n + thread_id) % #paths + 1])
end
