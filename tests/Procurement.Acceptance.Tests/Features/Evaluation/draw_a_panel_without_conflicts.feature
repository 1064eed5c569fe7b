Feature: Draw a panel without conflicts
  After the bids are opened, the purchaser draws the evaluation panel at random from the expert pool.
  An expert who worked for a bidding agency in the last three years, or who declared a conflict, cannot
  be drawn. The draw is recorded with its seed, so an auditor can replay it and get the same panel, and
  the agencies never learn who sits on it.

  Scenario: Experts with a conflict are left out, and the auditor gets the same panel on replay
    Given the bids on the tender "Elder care, Street P" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 470000.00 |
    And the expert "evaluator1" worked for "agency2" until last year
    And the expert "evaluator2" has declared a conflict with the tender "Elder care, Street P": "I drafted its service plan"
    When the purchaser draws a panel of 5 for "Elder care, Street P", sitting on it as the purchaser's representative
    Then the panel for "Elder care, Street P" has 4 experts and 1 purchaser's representative
    And neither "evaluator1" nor "evaluator2" sits on the panel for "Elder care, Street P"
    And the auditor replays the draw for "Elder care, Street P" and gets the same panel
    And the agency "agency1" is not allowed to see who sits on the panel for "Elder care, Street P"

  Scenario: An expert who finds a conflict after the draw is replaced by a new draw
    Given the bids on the tender "Youth work, Street Q" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 470000.00 |
    And the purchaser has drawn a panel of 3 for "Youth work, Street Q", sitting on it as the purchaser's representative
    When the first expert on the panel for "Youth work, Street Q" declares a conflict with that tender: "My daughter works on it"
    Then that expert no longer sits on the panel for "Youth work, Street Q", and another expert has taken the seat
    And the auditor replays the draw for "Youth work, Street Q" and gets the same panel

  Scenario: A panel of an even size is refused
    Given the bids on the tender "Family work, Street R" have been opened:
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 470000.00 |
    When the purchaser tries to draw a panel of 4 for "Family work, Street R"
    Then the draw is refused because the panel must have an odd number of members
