-- wrk script for the API benchmark (bench/web/run.sh, docs/benchmarks.md "Web API"): GETs the
-- paths in REPARTO_PATHS (space-separated; each thread cycles through them) with the session
-- cookie REPARTO_COOKIE (and Accept-Encoding REPARTO_ACCEPT_ENCODING when set, as a browser
-- sends it), and at the end prints one machine-readable line
--   RESULT requests=N rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non2xx=E socket_errors=F bytes=G
-- that run.sh reads (latencies in milliseconds, bytes = average response size, headers included).
local cookie = os.getenv("REPARTO_COOKIE") or ""
local headers = {["Cookie"] = cookie}
local encoding = os.getenv("REPARTO_ACCEPT_ENCODING") or ""
if encoding ~= "" then headers["Accept-Encoding"] = encoding end
local paths = {}
for p in string.gmatch(os.getenv("REPARTO_PATHS") or os.getenv("REPARTO_SERIES_PATH") or
                       "/api/health", "%S+") do
  paths[#paths + 1] = p
end
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
      "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "non2xx=%d socket_errors=%d bytes=%d\n",
      summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout,
      summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
