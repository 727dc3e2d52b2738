# Mona's own half, in Mona's account: lets its task role assume the read-only role of each
# watched account (../watched-account).

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

variable "mona_task_role_name" {
  description = "Name of the task role Mona runs with"
  type        = string
}

variable "watched_role_arns" {
  description = "The roleArn of every watched account, as in Mona's config"
  type        = list(string)
}

resource "aws_iam_role_policy" "mona_assume_watched_roles" {
  name = "MonaAssumeWatchedRoles"
  role = var.mona_task_role_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "MonaAssumeWatchedRoles"
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = var.watched_role_arns
    }]
  })
}
