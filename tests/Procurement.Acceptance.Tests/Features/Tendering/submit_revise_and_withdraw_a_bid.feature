Feature: An agency submits, revises and withdraws a bid
  Until the deadline an agency may revise its bid as often as it likes, and withdraw it. Every submission
  and revision is sealed, and the agency gets a receipt: the bid, its version, the server's time and a
  fingerprint (SHA-256) of exactly what was sealed.

  Scenario: An agency submits a bid and gets a receipt, revises it, and withdraws it
    Given the purchaser has published the tender "Youth outreach, Street B" with bids due in 25 days at 17:00 Beijing time
    When the agency "agency1" bids 450000.00 yuan on "Youth outreach, Street B"
    Then it gets a receipt for version 1 of its bid, with the server's time and a fingerprint of what was sealed
    When it revises its bid to 440000.00 yuan
    Then it gets a new receipt for version 2, with a different fingerprint
    And its own bid on "Youth outreach, Street B" now reads 440000.00 yuan, version 2
    When it withdraws its bid
    Then its bid on "Youth outreach, Street B" is withdrawn

  Scenario: A bid that would put a social worker over full time is refused, naming only the agency's own worker
    Given the purchaser has published the tender "Community care, Street D" with bids due in 25 days at 17:00 Beijing time
    And the agency "agency1" has bid on "Community care, Street D" with the social worker "Wang Fang" full time
    And the agency "agency2" has the same "Wang Fang" on its roster, with the same ID number
    When the agency "agency2" bids on "Community care, Street D" with "Wang Fang" half time
    Then the bid is refused because "Wang Fang" would work more than full time, naming her and by how much but not "Community care, Street D" nor "agency1"
