-- Each request takes the next line of the file BENCH_PATHS ("<caller> <path>"); <caller> names the
-- bearer token from BENCH_TOKEN_<CALLER> ("anonymous" sends none). done() prints one JSON line.
local requests_ = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  local caller, path = line:match("^(%S+) (.+)$")
  local headers = { ["Accept"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN_" .. string.upper(caller))
  if token then headers["Authorization"] = "Bearer " .. token end
  table.insert(requests_, wrk.format("GET", path, headers))
end

local counter = 0
function init(args)
  counter = math.random(#requests_) - 1
end

function request()
  counter = counter % #requests_ + 1
  return requests_[counter]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"socket_errors": %d, "status_errors": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
