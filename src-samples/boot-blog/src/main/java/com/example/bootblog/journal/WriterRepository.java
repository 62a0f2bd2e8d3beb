package com.example.bootblog.journal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Writers, found by e-mail address. */
public interface WriterRepository extends JpaRepository<Writer, Long> {
    Optional<Writer> findByEmail(String email);
}
