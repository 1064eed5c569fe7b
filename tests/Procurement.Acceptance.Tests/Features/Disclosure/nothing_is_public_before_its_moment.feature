Feature: Nothing is public before its moment
  Government purchase is public, and anyone reads it without signing in (DOMAIN.md §11): the procurement announcement
  from the moment the tender is published, the opening record once the bids are opened, the result announcement with
  the ranking and its scores once the purchaser publishes the award, and the contract announcement once both parties
  have signed. Nothing is public before its moment: not a draft, not a sealed bid or its price, not a score sheet
  before the result, not a contract one party has yet to sign (here the agency signs first: Contracting's own tests sign the purchaser first); and never a social worker's name or ID number.

  After each stage of one tender, anyone reads every public surface of every service (Tendering's announcements,
  Bidding's opening record, Evaluation's result, Contracting's contract announcements, and the open data) and finds
  there what the stage has made public, and nothing that is still to come.

  Price earns 30 points by formula, the service plan 60 from the panel's sheets, and past performance 6 of 10 for each
  of these agencies, none of which has a grade yet. So agency2 ranks first: 28.27 + 56.33 + 6 = 90.60, ahead of
  agency1's 30 + 51.67 + 6 = 87.67 and agency3's 27.14 + 49 + 6 = 82.14.

  Times are Beijing time. Days are counted from today, so that the scenario stays true whenever it runs.

  Scenario: A competitive consultation is read anonymously after each of its stages
    Given the chain purchaser has drafted the competitive consultation "Elder care, Street Y" with bids due in 11 days at 17:00, and not published it
    Then anyone reads of "Elder care, Street Y" only what is public once it is drafted
    When the chain purchaser publishes "Elder care, Street Y"
    Then anyone reads of "Elder care, Street Y" only what is public once it is published
    Given the agencies "agency1", "agency2" and "agency3" have each found "Elder care, Street Y" open for bids in the chain
    When the chain agencies submit sealed bids on "Elder care, Street Y":
      | agency  | price     |
      | agency1 | 412300.00 |
      | agency2 | 437600.00 |
      | agency3 | 455800.00 |
    Then anyone reads of "Elder care, Street Y" only what is public once its sealed bids are in
    When the bid deadline of the chain tender "Elder care, Street Y" passes
    Then the chain opening record of "Elder care, Street Y" lists the 3 sealed bids with the fingerprints of their receipts
    And the tender "Elder care, Street Y" reads Evaluating in Tendering
    And the opened bids on "Elder care, Street Y" have reached the panel's evaluation with the same bid ids and prices
    And anyone reads of "Elder care, Street Y" only what is public once its bids are opened
    When the purchaser draws the chain panel of 3 for "Elder care, Street Y", sitting on it as the purchaser's representative
    And the chain panel finds every bid on "Elder care, Street Y" meets the tender's eligibility requirements
    And the chain panel members score the service plans on "Elder care, Street Y", past performance being computed from grades:
      | agency  | service plan |
      | agency1 | 50, 52, 53   |
      | agency2 | 55, 56, 58   |
      | agency3 | 48, 50, 49   |
    Then the chain evaluation of "Elder care, Street Y" ranks "agency2" first with 90.60 points, and recommends it to the purchaser
    And anyone reads of "Elder care, Street Y" only what is public once its bids are scored
    When the purchaser confirms the chain award of "Elder care, Street Y" to the recommended agency
    Then anyone reads of "Elder care, Street Y" only what is public once its award is published
    When the challenge window of the chain award of "Elder care, Street Y" closes with no challenge
    Then the tender "Elder care, Street Y" reads Awarded to "agency2" for 437600.00 yuan in Tendering
    And the purchaser and "agency2" each find the draft contract of "Elder care, Street Y" worth 437600.00 yuan, for the tender's service period
    And anyone reads of "Elder care, Street Y" only what is public once its contract is drafted
    When "agency2" signs the contract of "Elder care, Street Y" before the purchaser does
    Then the contract of "Elder care, Street Y" reads signed by "agency2" and not yet by the purchaser
    And anyone reads of "Elder care, Street Y" only what is public once its contract is signed by the agency alone
    When the purchaser signs the contract of "Elder care, Street Y" too
    Then the contract of "Elder care, Street Y" is signed but waits for its first day of service
    And anyone reads of "Elder care, Street Y" only what is public once its contract is signed by both parties
    When the first day of service of "Elder care, Street Y" comes in the chain
    Then the contract of "Elder care, Street Y" becomes active by itself
    And anyone reads of "Elder care, Street Y" only what is public once its contract is active
