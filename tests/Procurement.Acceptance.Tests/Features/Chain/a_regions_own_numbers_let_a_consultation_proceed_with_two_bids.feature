Feature: A region's own procurement-method numbers, kept by the administrator
  The numbers of the procurement methods are set per region and per year (DOMAIN.md §1). For government purchase of
  services the law lets a region allow a competitive consultation to proceed with two valid bids instead of three. The
  administrator keeps that as the region's rule table; a tender published in the region from then on is evaluated with
  it, and a tender elsewhere still needs three. Everything is done through the public entry only, and the services hand
  the tender to each other by their own events.

  Price earns 30 points by formula, the service plan 60 from the panel's sheets, and past performance 10 computed from
  the agencies' earlier grades (none here: 60 % of the points each). So agency3 ranks first:
  26.67 + 56 + 6 = 88.67, ahead of agency1's 30 + 52 + 6 = 88.00.

  Scenario: A consultation in a region that allows two valid bids goes to the panel with two
    Given the administrator has let the region "Chain County" proceed with two valid bids in a competitive consultation from today
    And the chain purchaser has published the competitive consultation "Youth work, Street Q" in the region "Chain County" with bids due in 11 days at 17:00
    And the agencies "agency1" and "agency3" have each found "Youth work, Street Q" open for bids in the chain
    When the chain agencies submit sealed bids on "Youth work, Street Q":
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency3 | 450000.00 |
    And the bid deadline of the chain tender "Youth work, Street Q" passes
    Then the chain opening record of "Youth work, Street Q" lists the 2 sealed bids with the fingerprints of their receipts
    And the opened bids on "Youth work, Street Q" have reached the panel's evaluation with the same bid ids and prices
    When the purchaser draws the chain panel of 3 for "Youth work, Street Q", sitting on it as the purchaser's representative
    And the chain panel finds every bid on "Youth work, Street Q" meets the tender's eligibility requirements
    And the chain panel members score the service plans on "Youth work, Street Q", past performance being computed from grades:
      | agency  | service plan |
      | agency1 | 50, 52, 54   |
      | agency3 | 55, 56, 57   |
    Then the chain evaluation of "Youth work, Street Q" ranks "agency3" first with 88.67 points, and recommends it to the purchaser

  Scenario: The same two bids in a region without that allowance fail the consultation at the opening
    Given the chain purchaser has published the competitive consultation "Youth work, Street R" in the region "Demo District" with bids due in 11 days at 17:00
    And the agencies "agency1" and "agency3" have each found "Youth work, Street R" open for bids in the chain
    When the chain agencies submit sealed bids on "Youth work, Street R":
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency3 | 450000.00 |
    And the bid deadline of the chain tender "Youth work, Street R" passes
    Then the chain opening record of "Youth work, Street R" lists the 2 sealed bids with the fingerprints of their receipts
    And the chain evaluation of "Youth work, Street R" has failed: "2 bids at opening, 3 required"
