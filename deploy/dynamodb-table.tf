# Mona's shared state table (checkpoints, delivery ledger, outbox, sender values, leases).
# Then: "state": { "dynamodb": { "table": "mona-state" } } in the Mona config, and the
# MonaStateDynamoDb statement of deploy/iam-policy-optional.json (or the policy below) on the task role.

resource "aws_dynamodb_table" "mona_state" {
  name         = "mona-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

data "aws_iam_policy_document" "mona_state" {
  statement {
    sid       = "MonaStateDynamoDb"
    actions   = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:BatchWriteItem"]
    resources = [aws_dynamodb_table.mona_state.arn]
  }
}

output "mona_state_table" {
  value = aws_dynamodb_table.mona_state.name
}

output "mona_state_policy_json" {
  value = data.aws_iam_policy_document.mona_state.json
}
