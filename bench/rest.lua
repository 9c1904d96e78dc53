-- wrk script: Rasa-REST messages from 500 distinct senders, each with a unique message_id.
local messages = {
  "你好", "加班费咋个算", "周末有没得免费的课", "年假有几天", "我想学书法",
  "试用期最长多久", "谢谢", "有啥子课", "公司不签劳动合同咋个办", "工伤认定要多久",
  "帮助", "我的报名", "怎么加入工会", "拜拜", "经济补偿怎么算",
}
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  run = args[1] or "r"
end

function request()
  counter = counter + 1
  local sender = "bench-" .. ((counter * 7 + tid * 250) % 500)
  local text = messages[(counter % #messages) + 1]
  local body = string.format('{"sender":"%s","message":"%s","message_id":"%s-t%d-%d"}',
                             sender, text, run, tid, counter)
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"] = "application/json"}, body)
end
