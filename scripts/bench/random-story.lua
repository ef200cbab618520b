-- wrk script: each request asks for a random story out of the ids in $IDS, at $PREFIX (default /stories/).
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local prefix = os.getenv("PREFIX") or "/stories/"
math.randomseed(os.time())

request = function()
  return wrk.format("GET", prefix .. ids[math.random(#ids)])
end
