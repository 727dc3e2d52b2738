# Mona's read-only role in a watched account: Mona's task role (in its own account) may assume it
# with the external id, and read ECS services, tasks and task definitions. Apply it with a
# provider of the watched account (one module block per account; see ../README example).

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

variable "mona_task_role_arn" {
  description = "ARN of the task role Mona runs with, in Mona's own account"
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.mona_task_role_arn))
    error_message = "mona_task_role_arn must be an IAM role ARN."
  }
}

variable "external_id" {
  description = "The externalId of this account's clusters in Mona's config"
  type        = string
  sensitive   = true
}

variable "role_name" {
  description = "Name of the role: the roleArn in Mona's config is arn:aws:iam::<this account>:role/<role_name>"
  type        = string
  default     = "mona-read"
}

resource "aws_iam_role" "mona_read" {
  name                 = var.role_name
  description          = "Read-only access to ECS for Mona, assumed from Mona's own account"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "MonaTaskRoleWithExternalId"
      Effect    = "Allow"
      Principal = { AWS = var.mona_task_role_arn }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
    }]
  })
}

resource "aws_iam_role_policy" "mona_read_ecs" {
  name = "MonaReadEcs"
  role = aws_iam_role.mona_read.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "MonaReadEcs"
      Effect   = "Allow"
      Action   = ["ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks", "ecs:DescribeTaskDefinition"]
      Resource = "*"
    }]
  })
}

output "role_arn" {
  description = "The roleArn for this account's clusters in Mona's config"
  value       = aws_iam_role.mona_read.arn
}
