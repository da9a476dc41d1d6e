-- wrk script: the workspace's inbox page (all new tickets, with every view's count and the waiting chats),
-- signed in with the session cookie the sign-in page would set (the same kind of token as the API's).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

wrk.headers["Authorization"] = nil
wrk.headers["Accept"] = "text/html"
wrk.headers["Cookie"] = "raaya_session=" .. os.getenv("RAAYA_TOKEN")
wrk.method = "GET"
wrk.path = "/agent?view=new"
