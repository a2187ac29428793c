package com.oraclesync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OracleSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(OracleSyncApplication.class, args);
    }
}
