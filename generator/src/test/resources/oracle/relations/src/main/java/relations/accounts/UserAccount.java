package relations.accounts;

import jakarta.persistence.*;
import relations.catalog.Product;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "user_accounts")
public class UserAccount {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @ManyToMany
    @JoinTable(name = "user_roles",
            joinColumns = @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_user_roles_user")),
            inverseJoinColumns = @JoinColumn(name = "role_id", foreignKey = @ForeignKey(name = "fk_user_roles_role")),
            indexes = @Index(name = "idx_user_roles_role", columnList = "role_id"))
    private Set<Role> roles = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "user_groups",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"),
            foreignKey = @ForeignKey(name = "fk_user_groups_user"),
            inverseForeignKey = @ForeignKey(name = "fk_user_groups_group"),
            uniqueConstraints = @UniqueConstraint(name = "uk_user_groups", columnNames = {"user_id", "group_id"}))
    private List<UserGroup> groups = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "user_favourites",
            joinColumns = @JoinColumn(name = "user_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)),
            inverseJoinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(value = ConstraintMode.NO_CONSTRAINT)))
    private Set<Product> favourites = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "user_watchlist",
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            inverseForeignKey = @ForeignKey(name = "fk_user_watchlist_product"))
    private Set<Product> watchlist = new HashSet<>();

    @OneToMany
    @JoinTable(name = "user_addresses",
            joinColumns = @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_user_addresses_user")),
            inverseJoinColumns = @JoinColumn(name = "address_id", foreignKey = @ForeignKey(name = "fk_user_addresses_address")),
            indexes = @Index(columnList = "user_id"))
    private List<Address> addresses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "user_emails",
            joinColumns = @JoinColumn(name = "user_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "idx_user_emails_email", columnList = "email"))
    @Column(name = "email")
    private Set<String> emails = new HashSet<>();
}
