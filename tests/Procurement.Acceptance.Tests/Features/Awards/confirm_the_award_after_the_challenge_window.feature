Feature: The purchaser confirms the award, and it goes to contracting after the challenge window
  When the panel has ranked the bids, the purchaser confirms the award and the result is published.
  Every agency that bid then has 7 working days (质疑期) to challenge the result, counted from the day
  after publication on the platform's working-day calendar (weekends, public holidays and make-up working
  days). When the window has closed and every challenge has been answered, the award is confirmed and
  goes to contracting with everything the contract needs.

  Times are Beijing time. Days are counted from today, so that the scenarios stay true whenever they run.

  Scenario: Nobody challenges the result; the award goes to contracting once the window has closed
    Given the purchaser has published the tender "Youth work, Street A" and its bidding has closed
    And the panel has ranked the bids on "Youth work, Street A": "agency1" first at 450000.00 yuan, "agency2" second at 430000.00 yuan
    When the purchaser confirms the award of "Youth work, Street A" to the recommended agency
    Then the result of "Youth work, Street A" is published with a challenge window of 7 working days, ending on the platform's 7th working day after today
    And the agency "agency2" reads the result of "Youth work, Street A": awarded to "agency1" for 450000.00 yuan
    When 3 days pass in the challenge window of "Youth work, Street A"
    Then the award of "Youth work, Street A" is not yet confirmed
    When the challenge window of "Youth work, Street A" has closed
    Then the award of "Youth work, Street A" is confirmed and goes to contracting: "agency1" for 450000.00 yuan, with the tender's service period, KPIs and payment schedule

  Scenario: A challenge holds the award until the purchaser has answered it
    Given the purchaser has published the tender "Youth work, Street B" and its bidding has closed
    And the panel has ranked the bids on "Youth work, Street B": "agency1" first at 460000.00 yuan, "agency2" second at 440000.00 yuan
    When the purchaser confirms the award of "Youth work, Street B" to the recommended agency
    And the agency "agency2" challenges the result of "Youth work, Street B": "Our service plan was scored below what the panel's own comments describe."
    Then the agency "agency3", which did not bid, cannot challenge the result of "Youth work, Street B"
    And the agency "agency1" does not see the challenge of "agency2"
    When the challenge window of "Youth work, Street B" has closed
    Then the award of "Youth work, Street B" is held by 1 unanswered challenge
    And the agency "agency2" can no longer challenge the result of "Youth work, Street B"
    When the purchaser answers the challenge on "Youth work, Street B": "The panel re-checked its score sheets; the scores stand."
    Then the agency "agency2" reads that answer
    And the award of "Youth work, Street B" is confirmed and goes to contracting: "agency1" for 460000.00 yuan, with the tender's service period, KPIs and payment schedule
