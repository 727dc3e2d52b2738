# Mona's ECS events fast path in Terraform (AWS provider >= 5): the same resources as
# ecs-events.cloudformation.yaml. Set var.queue_name, then give Mona
#   "events": { "sqsQueueUrl": "<aws_sqs_queue.mona_events.url>" }
# and attach aws_iam_policy.mona_read_events to its task role.

variable "queue_name" {
  type    = string
  default = "mona-events"
}

variable "event_bus_name" {
  type        = string
  default     = "default"
  description = "Bus the rule listens on (default, or the central bus other accounts and regions forward to)."
}

resource "aws_sqs_queue" "mona_events_dlq" {
  name                      = "${var.queue_name}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "mona_events" {
  name = var.queue_name
  # An event is a hint the reconciliation sweep catches anyway: older than an hour it is of no use.
  message_retention_seconds  = 3600
  visibility_timeout_seconds = 30
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.mona_events_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_cloudwatch_event_rule" "mona_ecs" {
  name           = "${var.queue_name}-ecs"
  description    = "ECS events for Mona (hints that mark services dirty)"
  event_bus_name = var.event_bus_name
  event_pattern = jsonencode({
    source      = ["aws.ecs"]
    detail-type = ["ECS Deployment State Change", "ECS Service Action", "ECS Task State Change"]
  })
}

resource "aws_cloudwatch_event_target" "mona_ecs" {
  rule           = aws_cloudwatch_event_rule.mona_ecs.name
  event_bus_name = var.event_bus_name
  target_id      = "mona-events-queue"
  arn            = aws_sqs_queue.mona_events.arn
  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 10
  }
  dead_letter_config {
    arn = aws_sqs_queue.mona_events_dlq.arn
  }
}

resource "aws_sqs_queue_policy" "mona_events" {
  queue_url = aws_sqs_queue.mona_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EventBridgeSendsEcsEvents"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.mona_events.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.mona_ecs.arn } }
    }]
  })
}

resource "aws_sqs_queue_policy" "mona_events_dlq" {
  queue_url = aws_sqs_queue.mona_events_dlq.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EventBridgeSendsWhatItCouldNotDeliver"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.mona_events_dlq.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.mona_ecs.arn } }
    }]
  })
}

resource "aws_iam_policy" "mona_read_events" {
  name        = "${var.queue_name}-read"
  description = "What Mona needs to read its ECS events queue (attach to Mona's task role)."
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "MonaReadEcsEvents"
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      Resource = aws_sqs_queue.mona_events.arn
    }]
  })
}

output "mona_events_queue_url" {
  value = aws_sqs_queue.mona_events.url
}
