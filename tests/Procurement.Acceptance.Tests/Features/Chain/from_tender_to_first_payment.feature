Feature: From a tender to the first payment, through the services' own events
  Every service hands its work to the next through an integration event, and nobody carries anything across by
  hand: the tender reaches the agencies, the sealed bids are opened at the deadline and reach the panel, the
  panel's ranking reaches the award, the confirmed award becomes a draft contract, and the activated contract's
  advance instalment falls due; Bidding learns from the award and the activation whose social workers are still
  committed, and whose are free to bid again. Everything below is done by the people involved, through the public entry only,
  while the platform's clock moves forward.

  Price earns 30 points by formula, the service plan 60 from the panel's sheets, and past performance 10 computed from
  the agencies' earlier grades (none of these agencies has one yet: 60 % of the points each). So agency2 ranks first:
  26.67 + 56 + 6 = 88.67, ahead of agency1's 30 + 52 + 6 = 88.00 and agency3's 25 + 49 + 6 = 80.00.

  Times are Beijing time. Days are counted from today, so that the scenario stays true whenever it runs.

  Scenario: A competitive consultation is bid, opened, scored, awarded, contracted and its advance paid
    Given the chain purchaser has published the competitive consultation "Elder care, Street Z" with bids due in 11 days at 17:00
    And the agencies "agency1", "agency2" and "agency3" have each found "Elder care, Street Z" open for bids in the chain
    When the chain agencies submit sealed bids on "Elder care, Street Z":
      | agency  | price     |
      | agency1 | 400000.00 |
      | agency2 | 450000.00 |
      | agency3 | 480000.00 |
    And the bid deadline of the chain tender "Elder care, Street Z" passes
    Then the chain opening record of "Elder care, Street Z" lists the 3 sealed bids with the fingerprints of their receipts
    And the tender "Elder care, Street Z" reads Evaluating in Tendering
    And the opened bids on "Elder care, Street Z" have reached the panel's evaluation with the same bid ids and prices
    When the purchaser draws the chain panel of 3 for "Elder care, Street Z", sitting on it as the purchaser's representative
    And the chain panel finds every bid on "Elder care, Street Z" meets the tender's eligibility requirements
    And the chain panel members score the service plans on "Elder care, Street Z", past performance being computed from grades:
      | agency  | service plan |
      | agency1 | 50, 52, 54   |
      | agency2 | 55, 56, 57   |
      | agency3 | 48, 50, 49   |
    Then the chain evaluation of "Elder care, Street Z" ranks "agency2" first with 88.67 points, and recommends it to the purchaser
    When the purchaser confirms the chain award of "Elder care, Street Z" to the recommended agency
    And the challenge window of the chain award of "Elder care, Street Z" closes with no challenge
    Then the tender "Elder care, Street Z" reads Awarded to "agency2" for 450000.00 yuan in Tendering
    And the purchaser and "agency2" each find the draft contract of "Elder care, Street Z" worth 450000.00 yuan, for the tender's service period
    But the agency "agency1" finds no contract of "Elder care, Street Z"
    When the purchaser and "agency2" both sign the contract of "Elder care, Street Z"
    Then the contract of "Elder care, Street Z" is signed but waits for its first day of service
    When the first day of service of "Elder care, Street Z" comes in the chain
    Then the contract of "Elder care, Street Z" becomes active by itself
    And Evaluation holds the performance indicators of the contract of "Elder care, Street Z": the tender's KPIs
    And the advance instalment of the contract of "Elder care, Street Z" is due: 135000.00 yuan, 30 percent
    Given the purchaser has an appropriation of 500000.00 yuan for the program of "Elder care, Street Z" this fiscal year
    When "agency2" requests the advance of the contract of "Elder care, Street Z"
    And the purchaser approves, and the treasury officer releases and confirms payment of, the advance of "Elder care, Street Z"
    Then the payment report of the contract of "Elder care, Street Z" shows 135000.00 yuan paid, on time, paid by the purchaser to "agency2"
    And the auditor finds every service's audit chain intact, holding these changes:
      | service      | change               | made by      |
      | tendering    | Tender Added         | purchaser    |
      | tendering    | Tender Modified      | the platform |
      | bidding      | OpenTender Added     | the platform |
      | bidding      | Bid Added            | agency       |
      | evaluation   | ScoreSheet           | evaluator    |
      | contracting  | Contract Added       | the platform |
      | contracting  | Contract Modified    | agency       |
      | contracting  | Contract Modified    | purchaser    |
      | disbursement | Instalment Modified  | treasury     |
    And anyone reads the daily audit roots of the days the chain lived through, each the hash of every service's chain head that day, and each head is an entry of its chain
    And anyone reads the open data of "Elder care, Street Z": every release follows OCDS 1.1.5, and its record holds the tender, its opening, the award to "agency2", the signed contract and the advance paid
    Given the chain purchaser has published the competitive consultation "Family work, Street Z" with bids due in 11 days at 17:00
    And the agencies "agency1" and "agency2" have each found "Family work, Street Z" open for bids in the chain
    Then "agency2" cannot bid its chain roster half time on "Family work, Street Z", because its people work on the active contract of "Elder care, Street Z"
    But "agency1" can bid its chain roster full time on "Family work, Street Z", its losing bid holding nobody any more
