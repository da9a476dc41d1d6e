-- wrk script: open the first page of the ticket list.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

-- No request() function: wrk builds this one request once and reuses it.
wrk.method = "GET"
wrk.path = "/api/v1/tickets?limit=25"
