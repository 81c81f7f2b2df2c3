-- wrk script: GETs a member's year of series with a session cookie (bench/web/run.sh logs in with
-- curl and passes the cookie and the path in the environment).
local cookie = os.getenv("REPARTO_COOKIE") or ""
local path = os.getenv("REPARTO_SERIES_PATH") or "/api/openapi.json"
request = function()
  return wrk.format("GET", path, {["Cookie"] = cookie})
end
