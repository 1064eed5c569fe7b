Feature: An outlier score needs a reason
  A score further from the panel's median than 30% of the criterion's maximum is an outlier: the member
  must write why before the sheet counts. The service plan is worth 60 points, so the limit is 18 points.

  Background:
    Given the bids on the tender "Disability support, Street U" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 480000.00 |
    And the purchaser has drawn a panel of 3 for "Disability support, Street U", sitting on it as the purchaser's representative
    And the panel has found every bid on "Disability support, Street U" eligible and fully staffed
    And panel member 1 scores the bid of "agency1" on "Disability support, Street U" 40 for the service plan and 8 for team experience
    And panel member 2 scores the bid of "agency1" on "Disability support, Street U" 40 for the service plan and 8 for team experience

  Scenario: A score more than 18 points from the median is refused until the member writes why
    When panel member 3 scores the bid of "agency1" on "Disability support, Street U" 58.01 for the service plan and 8 for team experience
    Then the sheet is refused: the service plan score is too far from the panel's median and needs a written reason
    When panel member 3 scores the bid of "agency1" on "Disability support, Street U" 58.01 for the service plan and 8 for team experience, explaining "The plan also covers nights and weekends"
    Then the sheet is accepted

  Scenario: A score exactly 18 points from the median needs no reason
    When panel member 3 scores the bid of "agency1" on "Disability support, Street U" 58 for the service plan and 8 for team experience
    Then the sheet is accepted
