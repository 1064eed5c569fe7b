Feature: A failing performer goes to a new tender
  A contract whose latest grade is below Good is not renewed directly: at the renewal point the platform proposes a new
  tender, and on the purchaser's confirmation Tendering drafts it, pre-filled from the program's last tender, for the
  service period that follows the contract. The purchaser reviews it and publishes it.

  Scenario: A contract graded Fail is followed by a new tender drafted from the last one
    Given the purchaser published the tender "Community correction, Street M" for a new program and awarded it to "agency3" for a year ending in 100 days
    And the third-party evaluator grades the mid-term performance of "Community correction, Street M" Fail with 52.00 points
    When 10 days pass on the platform
    Then the platform proposes a new tender for "Community correction, Street M", because the latest grade is below Good
    And the purchaser cannot renew "Community correction, Street M" directly
    When the purchaser confirms the proposed renewal of "Community correction, Street M"
    Then the purchaser finds a draft tender for the program of "Community correction, Street M", pre-filled from the last one, for the year after the contract ends
