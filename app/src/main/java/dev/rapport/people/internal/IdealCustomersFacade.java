package dev.rapport.people.internal;

import dev.rapport.people.IcpFit;
import dev.rapport.people.IdealCustomers;
import dev.rapport.people.PersonId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link IdealCustomers} from the ICP rules, as the person's page shows the fit. */
@Service
class IdealCustomersFacade implements IdealCustomers {

  private final Icp icp;
  private final PersonStore persons;
  private final AccountStore accounts;

  IdealCustomersFacade(Icp icp, PersonStore persons, AccountStore accounts) {
    this.icp = icp;
    this.persons = persons;
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Boolean> fits(PersonId person) {
    return fit(person).map(IcpFit::fits);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<IcpFit> fit(PersonId person) {
    return persons
        .find(person.value())
        .map(
            p -> {
              Account account =
                  p.accountId() == null ? null : accounts.find(p.accountId()).orElse(null);
              Icp.Fit fit = icp.fit(icp.profile(), p.title(), account);
              return new IcpFit(fit.score(), "prospect".equals(fit.stage()), fit.reasons());
            });
  }
}
