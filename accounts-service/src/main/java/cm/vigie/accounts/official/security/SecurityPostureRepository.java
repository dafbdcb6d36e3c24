package cm.vigie.accounts.official.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SecurityPostureRepository implements PanacheRepositoryBase<SecurityPosture, UUID> {
}
