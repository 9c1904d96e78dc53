-- wrk script: the same request shape against the bare FastAPI echo endpoint.
function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local body = string.format('{"sender":"bench-%d","message":"你好","message_id":"e%d"}', counter % 500, counter)
  return wrk.format("POST", "/echo", {["Content-Type"] = "application/json"}, body)
end
